import Foundation

/// Results of a parallel loop, one slot per iteration, written from any thread and read in order
/// afterwards.
final class ParallelResults<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// The results in iteration order (read after the loop).
    var values: [Value?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
