import Foundation

/// The files under `.herald-cache/`: where they live, how a record's fields are escaped, and how
/// they are written. A cache is rewritten whole (beside its place, then renamed, so that a
/// concurrent run never reads half a file) or, after an edit, has the records that changed
/// appended: a later record for the same key replaces an earlier one when the file is read, and
/// the file is rewritten once its appended records pass `journalLimit`. An editor's save in a
/// repository of 10,000 campaigns then writes a few lines, not megabytes.
enum CacheFiles {
    /// `.herald-cache/`, created with a `.gitignore` that ignores the folder itself.
    static func folder(root: URL) -> URL {
        let folder = root.appendingPathComponent(".herald-cache")
        let ignore = folder.appendingPathComponent(".gitignore")
        if !FileManager.default.fileExists(atPath: ignore.path) {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? Data("# Herald's check cache: safe to delete.\n*\n".utf8).write(to: ignore)
        }
        return folder
    }

    /// Writes a cache file beside its place and renames it there.
    static func replace(_ folder: URL, _ name: String, with bytes: [UInt8]) {
        let temporary = folder.appendingPathComponent("\(name).\(getpid())")
        guard (try? Data(bytes).write(to: temporary)) != nil else { return }
        _ = rename(temporary.path, folder.appendingPathComponent(name).path)
    }

    /// A field with tabs, line breaks and backslashes escaped (names and paths may hold them).
    static func escaped(_ s: String) -> String {
        var s = s
        // Over contiguous bytes: caches of 10,000 lines are written on every save.
        let plain = s.withUTF8 { bytes in !bytes.contains { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x5C } }
        if plain { return s }
        return s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
    }

    static func field(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(0x5C) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        var escaping = false
        for b in bytes {
            if escaping {
                out.append(b == UInt8(ascii: "t") ? 0x09 : b == UInt8(ascii: "n") ? 0x0A : b == UInt8(ascii: "r") ? 0x0D : b)
                escaping = false
            } else if b == 0x5C {
                escaping = true
            } else {
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends records to a cache file in one write; false when the file could not be opened or written.
    static func append(_ folder: URL, _ name: String, _ bytes: [UInt8]) -> Bool {
        let fd = open(folder.appendingPathComponent(name).path, O_WRONLY | O_APPEND)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == bytes.count
    }

    /// Reads a header value (the compiler version, the shared-input hash) that appended records
    /// repeat; false when it disagrees with the one read before. A run that appended under other
    /// shared inputs (it raced another run's whole rewrite) leaves a cache that vouches for nothing.
    static func header(_ value: String, into current: inout String) -> Bool {
        if !current.isEmpty && current != value { return false }
        current = value
        return true
    }

    /// How many superseded records a cache of `entries` keys carries before it is rewritten.
    static func journalLimit(entries: Int) -> Int { max(64, entries / 8) }
}
