import Foundation

/// Runs the `herald` executable as a user would, with a time limit.
public struct HeraldProcess {
    public struct Result {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public var seconds: Double
        public var timedOut: Bool
    }

    public static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil,
                           timeout: Double = 30) throws -> Result {
        let p = Process()
        p.executableURL = TestPaths.heraldBinary
        p.arguments = arguments
        if let directory { p.currentDirectoryURL = directory }
        if let environment { p.environment = environment }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        let start = Date()
        try p.run()
        // Read both pipes concurrently so a full pipe never blocks the child.
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        var timedOut = false
        while p.isRunning {
            if Date().timeIntervalSince(start) > timeout {
                p.terminate()
                timedOut = true
                break
            }
            usleep(2000)
        }
        p.waitUntilExit()
        group.wait()
        return Result(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self), seconds: Date().timeIntervalSince(start), timedOut: timedOut)
    }
}
