import Foundation

/// Writes a file with plain POSIX calls. Foundation's `Data.write(to:)` syncs every file to disk,
/// which for a bundle of tens of thousands of files cost more than producing them; a bundle is
/// rebuilt from its sources, so durability per file buys nothing.
enum FileOutput {
    struct WriteError: LocalizedError {
        var path: String
        var reason: String
        var errorDescription: String? { "`\(path)`: \(reason)" }
    }

    /// Creates a folder and its parents, naming the folder when that fails.
    static func createFolder(_ url: URL) throws {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: url.path, reason: "the folder cannot be created (a file may stand in its way)")
        }
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw WriteError(path: path, reason: String(cString: strerror(errno)))
                }
                offset += n
            }
        }
    }
}
