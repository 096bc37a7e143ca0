import Foundation
import HeraldSupport

/// A build's output as files in memory: relative path → bytes, so that two builds can be compared
/// byte for byte. `herald build` streams files to disk instead (`BundleWriter.write(to:)`).
public struct Bundle: Sendable {
    public static let formatVersion = 1
    public private(set) var files: [String: [UInt8]] = [:]

    public init() {}

    public mutating func add(_ path: String, _ text: String) { files[path] = Array(text.utf8) }

    public mutating func add(_ path: String, json: JSONValue) { add(path, json.prettyText()) }

    public var paths: [String] { files.keys.sorted() }

    /// Writes every file under `directory`, replacing a previous bundle's files there.
    public func write(to directory: URL) throws {
        try FileOutput.createFolder(directory)
        for path in paths {
            let url = directory.appendingPathComponent(path)
            try FileOutput.createFolder(url.deletingLastPathComponent())
            try FileOutput.write(files[path]!, to: url.path)
        }
    }

    /// Gathers files stored from several threads.
    final class Collector: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var bundle = Bundle()

        func add(_ path: String, _ bytes: [UInt8]) {
            lock.lock()
            bundle.files[path] = bytes
            lock.unlock()
        }
    }
}
