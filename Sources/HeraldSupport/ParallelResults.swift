import Foundation

/// Results of a parallel loop (`DispatchQueue.concurrentPerform`), one slot per iteration,
/// written from any thread and read in iteration order afterwards, so output never depends on timing.
public final class ParallelResults<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]

    public init(count: Int) { slots = Array(repeating: nil, count: count) }

    public func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// The results in iteration order (read after the loop).
    public var values: [Value?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
