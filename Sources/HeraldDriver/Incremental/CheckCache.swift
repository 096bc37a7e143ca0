import Foundation
import HeraldSupport

/// What the last `herald check` of a project found, in `.herald-cache/check.tsv` under the
/// project folder: a hash of the inputs every campaign shares (settings, schema, segments,
/// layouts), and per campaign file its size, modification time, content hash, name, the segments it
/// names and the diagnostics it owns. Safe to delete; the folder ignores itself in git.
///
/// One record per line, fields separated by tabs: a repository of 10,000 campaigns has a cache of
/// 10,000 lines, read and written on every save in an editor, so the format is what splitting a
/// line costs. Diagnostics stay compact JSON (which never holds a raw tab or line break) and are
/// parsed only for campaigns that have some.
struct CheckCache {
    static let format = 2

    struct Entry {
        var size: Int64
        var modified: Int64
        var hash: String
        var name: String
        var segmentRefs: [String]
        /// Kind, audience and trigger as written, with their offsets: what other campaigns' findings depend on.
        var audienceSignature: String
        /// The diagnostics as a compact JSON array.
        var diagnosticsText: String

        /// The diagnostics as JSON values; nil when the cached text does not parse.
        var diagnostics: [JSONValue]? {
            if diagnosticsText == "[]" { return [] }
            return (try? JSONParser.parse(diagnosticsText))?.arrayValue
        }
    }

    var compiler: String
    var shared: String
    /// Stamps of the shared files when `shared` was computed.
    var sharedStamps: [String: FileStamp] = [:]
    var campaigns: [String: Entry] = [:]
    /// Segment name → project-relative file path.
    var segmentFiles: [String: String] = [:]
    /// Segment name → the segment names its file mentions.
    var segmentRefs: [String: [String]] = [:]
    /// Diagnostics no single campaign owns (schema, settings, segments, unused segments, redundancy).
    var project: [JSONValue] = []

    static func location(root: URL) -> URL { root.appendingPathComponent(".herald-cache/check.tsv") }

    static func load(root: URL) -> CheckCache? {
        guard let data = FileManager.default.contents(atPath: location(root: root).path) else { return nil }
        var lines = [UInt8](data).split(separator: 0x0A, omittingEmptySubsequences: true)[...]
        guard let header = lines.popFirst(), String(decoding: header, as: UTF8.self) == "herald-check\t\(format)" else { return nil }
        var c = CheckCache(compiler: "", shared: "")
        for line in lines {
            let f = line.split(separator: 0x09, omittingEmptySubsequences: false).map(CheckCache.field)
            switch (f[0], f.count) {
            case ("compiler", 2): c.compiler = f[1]
            case ("shared", 2): c.shared = f[1]
            case ("stamp", 4):
                guard let size = Int64(f[2]), let modified = Int64(f[3]) else { return nil }
                c.sharedStamps[f[1]] = FileStamp(size: size, modified: modified)
            case ("segment", 4):
                c.segmentFiles[f[1]] = f[2]
                c.segmentRefs[f[1]] = CheckCache.list(f[3])
            case ("campaign", 9):
                guard let size = Int64(f[2]), let modified = Int64(f[3]) else { return nil }
                c.campaigns[f[1]] = Entry(size: size, modified: modified, hash: f[4], name: f[5], segmentRefs: CheckCache.list(f[6]),
                                          audienceSignature: f[7], diagnosticsText: f[8])
            case ("project", 2):
                guard let d = try? JSONParser.parse(f[1]) else { return nil }
                c.project.append(d)
            default:
                return nil
            }
        }
        return c.compiler.isEmpty || c.shared.isEmpty ? nil : c
    }

    func save(root: URL) {
        let folder = root.appendingPathComponent(".herald-cache")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? Data("# Herald's check cache: safe to delete.\n*\n".utf8).write(to: folder.appendingPathComponent(".gitignore"))
        var out = "herald-check\t\(CheckCache.format)\n"
        func record(_ fields: String...) {
            out += fields.map(CheckCache.escaped).joined(separator: "\t")
            out += "\n"
        }
        record("compiler", compiler)
        record("shared", shared)
        for (path, stamp) in sharedStamps.sorted(by: { $0.key < $1.key }) { record("stamp", path, String(stamp.size), String(stamp.modified)) }
        for (name, path) in segmentFiles.sorted(by: { $0.key < $1.key }) { record("segment", name, path, (segmentRefs[name] ?? []).joined(separator: ",")) }
        for (path, e) in campaigns.sorted(by: { $0.key < $1.key }) {
            record("campaign", path, String(e.size), String(e.modified), e.hash, e.name, e.segmentRefs.joined(separator: ","),
                   e.audienceSignature, e.diagnosticsText)
        }
        for d in project { record("project", d.compactText()) }
        // Written beside and renamed, so that a concurrent run never reads half a file.
        let temporary = folder.appendingPathComponent("check.tsv.\(getpid())")
        guard (try? Data(out.utf8).write(to: temporary)) != nil else { return }
        _ = rename(temporary.path, CheckCache.location(root: root).path)
    }

    /// A field with tabs, line breaks and backslashes escaped (names and paths may hold them).
    static func escaped(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x5C }) else { return s }
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

    static func list(_ s: String) -> [String] { s.isEmpty ? [] : s.split(separator: ",").map(String.init) }
}

/// A file's size and modification time, read with one `stat` call: the cheap test of whether a
/// campaign file may have changed (its content hash decides).
struct FileStamp: Equatable {
    var size: Int64
    var modified: Int64

    init(size: Int64, modified: Int64) {
        self.size = size
        self.modified = modified
    }

    init?(_ path: String) {
        var s = stat()
        guard stat(path, &s) == 0 else { return nil }
        size = Int64(s.st_size)
        modified = Int64(s.st_mtim.tv_sec) * 1_000_000_000 + Int64(s.st_mtim.tv_nsec)
    }
}

/// Content hashes for change detection (FNV-1a, not for security) and what a file may reference.
enum ContentHash {
    static func hex(_ bytes: [UInt8]) -> String { FNV1a.hex(bytes) }

    /// The names after `segment.` in a file's text: the segments it may reference.
    static func segmentRefs(_ bytes: [UInt8]) -> [String] {
        let marker = Array("segment.".utf8)
        var out = Set<String>()
        var i = 0
        while i + marker.count < bytes.count {
            if bytes[i] == marker[0], Array(bytes[i..<i + marker.count]) == marker, i == 0 || !isName(bytes[i - 1]) {
                var j = i + marker.count
                while j < bytes.count, isName(bytes[j]) { j += 1 }
                if j > i + marker.count { out.insert(String(decoding: bytes[(i + marker.count)..<j], as: UTF8.self)) }
                i = j
            } else {
                i += 1
            }
        }
        return out.sorted()
    }

    private static func isName(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
    }
}
