import Foundation
import HeraldSupport

/// A build's output as files in memory: relative path → bytes. Written to disk only at the end, so
/// that a failed build writes nothing and two builds can be compared byte for byte.
public struct Bundle: Sendable {
    public static let formatVersion = 1
    public private(set) var files: [String: [UInt8]] = [:]

    public init() {}

    public mutating func add(_ path: String, _ text: String) { files[path] = Array(text.utf8) }

    public mutating func add(_ path: String, json: JSONValue) { add(path, json.prettyText()) }

    public var paths: [String] { files.keys.sorted() }

    /// Writes every file under `directory`, replacing a previous bundle's files there.
    public func write(to directory: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        for path in paths {
            let url = directory.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(files[path]!).write(to: url, options: .atomic)
        }
    }
}
