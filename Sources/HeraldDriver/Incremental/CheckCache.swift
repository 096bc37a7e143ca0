import Foundation
import HeraldSupport

/// What the last `herald check` of a project found, in `.herald-cache/check.tsv` under the
/// project folder: a hash of the inputs every campaign shares (settings, schema, segments,
/// layouts), and per campaign file its size, modification time, content hash, name, the segments it
/// names and the diagnostics it owns. Safe to delete; the folder ignores itself in git.
///
/// One record per line, fields separated by tabs: a repository of 10,000 campaigns has a cache of
/// 10,000 lines, read on every save in an editor, so the format is what splitting a line costs.
/// After an edit only the changed records are appended (`CacheFiles`); a `reset-project` record
/// starts the project's diagnostics over. Diagnostics stay compact JSON (which never holds a raw
/// tab or line break) and are parsed only for campaigns that have some.
struct CheckCache {
    static let format = 2

    struct Entry: Equatable {
        var size: Int64
        var modified: Int64
        var hash: String
        var name: String
        /// The segment names the file mentions, comma-separated (split only for a changed file).
        var segmentRefsText: String
        /// Kind, audience and trigger as written, with their offsets: what other campaigns' findings depend on.
        var audienceSignature: String
        /// The diagnostics as a compact JSON array.
        var diagnosticsText: String

        init(size: Int64, modified: Int64, hash: String, name: String, segmentRefs: [String], audienceSignature: String, diagnosticsText: String) {
            (self.size, self.modified, self.hash, self.name) = (size, modified, hash, name)
            segmentRefsText = segmentRefs.joined(separator: ",")
            (self.audienceSignature, self.diagnosticsText) = (audienceSignature, diagnosticsText)
        }

        var segmentRefs: [String] { CheckCache.list(segmentRefsText) }

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
    /// Records in the file that later records superseded.
    var superseded = 0

    static func location(root: URL) -> URL { root.appendingPathComponent(".herald-cache/check.tsv") }

    static func load(root: URL) -> CheckCache? {
        guard let data = FileManager.default.contents(atPath: location(root: root).path) else { return nil }
        var lines = [UInt8](data).split(separator: 0x0A, omittingEmptySubsequences: true)[...]
        guard let header = lines.popFirst(), String(decoding: header, as: UTF8.self) == "herald-check\t\(format)" else { return nil }
        var c = CheckCache(compiler: "", shared: "")
        c.campaigns.reserveCapacity(lines.count)
        for line in lines {
            let f = line.split(separator: 0x09, omittingEmptySubsequences: false).map(CacheFiles.field)
            switch (f[0], f.count) {
            case ("compiler", 2): guard CacheFiles.header(f[1], into: &c.compiler) else { return nil }
            case ("shared", 2): guard CacheFiles.header(f[1], into: &c.shared) else { return nil }
            case ("stamp", 4):
                guard let size = Int64(f[2]), let modified = Int64(f[3]) else { return nil }
                c.sharedStamps[f[1]] = FileStamp(size: size, modified: modified)
            case ("segment", 4):
                c.segmentFiles[f[1]] = f[2]
                c.segmentRefs[f[1]] = CheckCache.list(f[3])
            case ("campaign", 9):
                guard let size = Int64(f[2]), let modified = Int64(f[3]) else { return nil }
                if c.campaigns[f[1]] != nil { c.superseded += 1 }
                var e = Entry(size: size, modified: modified, hash: f[4], name: f[5], segmentRefs: [], audienceSignature: f[7], diagnosticsText: f[8])
                e.segmentRefsText = f[6]
                c.campaigns[f[1]] = e
            case ("project", 2):
                guard let d = try? JSONParser.parse(f[1]) else { return nil }
                c.project.append(d)
            case ("reset-project", 1):
                c.superseded += c.project.count
                c.project = []
            default:
                return nil
            }
        }
        return c.compiler.isEmpty || c.shared.isEmpty ? nil : c
    }

    /// Writes the cache: only the records that differ from `since` (what was read) when the two
    /// share their header and the file has room for more appended records, otherwise all of it.
    func save(root: URL, since: CheckCache? = nil) {
        let folder = CacheFiles.folder(root: root)
        var out = ""
        func record(_ fields: String...) {
            out += fields.map(CacheFiles.escaped).joined(separator: "\t")
            out += "\n"
        }
        func campaign(_ path: String, _ e: Entry) {
            record("campaign", path, String(e.size), String(e.modified), e.hash, e.name, e.segmentRefsText,
                   e.audienceSignature, e.diagnosticsText)
        }
        if let since, since.compiler == compiler, since.shared == shared, since.sharedStamps == sharedStamps, since.segmentFiles == segmentFiles,
           since.segmentRefs == segmentRefs, since.campaigns.count == campaigns.count {
            var appended = 0
            record("compiler", compiler)
            record("shared", shared)
            let header = out.utf8.count
            for (path, e) in campaigns.filter({ since.campaigns[$0.key] != $0.value }).sorted(by: { $0.key < $1.key }) {
                campaign(path, e)
                appended += 1
            }
            if project != since.project {
                record("reset-project")
                for d in project { record("project", d.compactText()) }
                appended += since.project.count
            }
            if out.utf8.count == header { return }
            if since.superseded + appended <= CacheFiles.journalLimit(entries: campaigns.count),
               CacheFiles.append(folder, "check.tsv", Array(out.utf8)) { return }
            out = ""
        }
        out = "herald-check\t\(CheckCache.format)\n"
        record("compiler", compiler)
        record("shared", shared)
        for (path, stamp) in sharedStamps.sorted(by: { $0.key < $1.key }) { record("stamp", path, String(stamp.size), String(stamp.modified)) }
        for (name, path) in segmentFiles.sorted(by: { $0.key < $1.key }) { record("segment", name, path, (segmentRefs[name] ?? []).joined(separator: ",")) }
        for (path, e) in campaigns.sorted(by: { $0.key < $1.key }) { campaign(path, e) }
        for d in project { record("project", d.compactText()) }
        CacheFiles.replace(folder, "check.tsv", with: Array(out.utf8))
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
