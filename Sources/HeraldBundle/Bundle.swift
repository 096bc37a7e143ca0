import Foundation
import HeraldSupport

/// A build's output as files in memory: relative path → bytes, so that two builds can be compared
/// byte for byte. Bundles on disk are written by `BundleWriter.write(to:)`, which streams them.
public struct Bundle: Sendable {
    public static let formatVersion = 1
    public private(set) var files: [String: [UInt8]] = [:]

    public init() {}

    public var paths: [String] { files.keys.sorted() }

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

/// A file's name (or path) in the bundle and the hexadecimal SHA-256 of its bytes.
struct FileDigest: Sendable {
    var name: String
    var sha256: String
}

/// One campaign folder of a bundle as the manifest records it.
struct StoredFolder: Sendable {
    var name: String
    /// Its files, sorted by name.
    var files: [FileDigest]
    /// The folder's entry in the manifest's `campaigns`, its text already written.
    var entry: JSONValue
}

/// The paths a bundle holds, by folder.
struct StoredPaths {
    var top: Set<String>
    var folders: [String: Set<String>]

    func contains(_ path: String) -> Bool {
        guard let slash = path.firstIndex(of: "/") else { return top.contains(path) }
        return folders[String(path[..<slash])]?.contains(String(path[path.index(after: slash)...])) ?? false
    }
}
