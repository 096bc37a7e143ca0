import Foundation

/// Runs a helper script of `Tests/python` with the project's `.venv` interpreter
/// (`HERALD_TEST_PYTHON`, set by `scripts/test`).
public enum PythonProcess {
    public struct Result {
        public var status: Int32
        public var output: String
    }

    public struct Missing: Error, CustomStringConvertible {
        public var description: String { "HERALD_TEST_PYTHON is not set: run the tests with scripts/test, which prepares .venv" }
    }

    public static var interpreter: String? {
        if let p = ProcessInfo.processInfo.environment["HERALD_TEST_PYTHON"] { return p }
        let venv = TestPaths.path(".venv/bin/python").path
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : nil
    }

    public static func run(_ script: String, _ arguments: [String], stdin: Data? = nil) throws -> Result {
        try launch([TestPaths.path("Tests/python/\(script)").path] + arguments, stdin: stdin)
    }

    /// Runs an installed module (`python -m MODULE …`), such as `check_jsonschema`.
    public static func run(module: String, _ arguments: [String]) throws -> Result {
        try launch(["-m", module] + arguments, stdin: nil)
    }

    static func launch(_ arguments: [String], stdin: Data?) throws -> Result {
        guard let python = interpreter else { throw Missing() }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        let input = Pipe()
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}
