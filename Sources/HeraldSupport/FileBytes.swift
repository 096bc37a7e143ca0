import Foundation

/// A whole file read with one `open`, one `fstat` and its `read`s: what Foundation's
/// `attributesOfItem` and `contents(atPath:)` do in several times the calls and allocations,
/// which showed when a repository of thousands of files is loaded.
public enum FileBytes {
    public enum Outcome: Sendable {
        case bytes([UInt8])
        /// The file is larger than the limit: its size, and nothing read.
        case tooLarge(Int)
        /// Missing, a folder, or an error while reading.
        case unreadable
    }

    public static func read(_ path: String, limit: Int) -> Outcome {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .unreadable }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return .unreadable }
        let size = Int(info.st_size)
        guard size <= limit else { return .tooLarge(size) }
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        let complete = bytes.withUnsafeMutableBytes { buffer -> Bool in
            while done < size {
                let n = Foundation.read(fd, buffer.baseAddress! + done, size - done)
                if n < 0 && errno == EINTR { continue }
                // A file that shrank while read ends where it ends.
                guard n > 0 else { return n == 0 }
                done += n
            }
            return true
        }
        guard complete else { return .unreadable }
        if done < size { bytes.removeSubrange(done...) }
        return .bytes(bytes)
    }
}
