import Dispatch

/// A value computed on another core while the caller does other work; reading `value` waits for
/// it. For independent steps of one command (reading a cache while files are listed), where a
/// thread pool's loop would be more machinery than the work needs.
public final class BackgroundTask<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchGroup()
    // Written once by the task before `done` is left; read only after waiting on `done`.
    private var result: Value?

    public init(_ work: @escaping @Sendable () -> Value) {
        done.enter()
        DispatchQueue.global().async {
            self.result = work()
            self.done.leave()
        }
    }

    public var value: Value {
        done.wait()
        return result!
    }
}
