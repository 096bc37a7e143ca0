import Foundation
import HeraldSupport

/// What the last `herald check` of a project found, in `.herald-cache/check.json` under the
/// project folder: a hash of the inputs every campaign shares (settings, schema, segments,
/// layouts), and per campaign file its size, modification time, content hash, name, the segments it
/// names and the diagnostics it owns. Safe to delete; the folder ignores itself in git.
struct CheckCache {
    static let format: Int64 = 1

    struct Entry {
        var size: Int64
        var modified: Int64
        var hash: String
        var name: String
        var segmentRefs: [String]
        /// Kind, audience and trigger as written, with their offsets: what other campaigns' findings depend on.
        var audienceSignature: String
        var diagnostics: [JSONValue]
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

    static func location(root: URL) -> URL { root.appendingPathComponent(".herald-cache/check.json") }

    static func load(root: URL) -> CheckCache? {
        guard let data = FileManager.default.contents(atPath: location(root: root).path),
              let j = try? JSONParser.parse([UInt8](data)), j["format"]?.intValue == format,
              let compiler = j["compiler"]?.stringValue, let shared = j["shared"]?.stringValue else { return nil }
        var c = CheckCache(compiler: compiler, shared: shared)
        for (path, e) in j["campaigns"]?.objectValue ?? [:] {
            guard let size = e["size"]?.intValue, let modified = e["modified"]?.intValue, let hash = e["hash"]?.stringValue,
                  let name = e["name"]?.stringValue else { return nil }
            c.campaigns[path] = Entry(size: size, modified: modified, hash: hash, name: name,
                                      segmentRefs: e["segment_refs"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                                      audienceSignature: e["audience"]?.stringValue ?? "",
                                      diagnostics: e["diagnostics"]?.arrayValue ?? [])
        }
        for (name, s) in j["segments"]?.objectValue ?? [:] {
            guard let path = s["path"]?.stringValue else { return nil }
            c.segmentFiles[name] = path
            c.segmentRefs[name] = s["refs"]?.arrayValue?.compactMap(\.stringValue) ?? []
        }
        for (path, s) in j["shared_stamps"]?.objectValue ?? [:] {
            guard let size = s["size"]?.intValue, let modified = s["modified"]?.intValue else { return nil }
            c.sharedStamps[path] = FileStamp(size: size, modified: modified)
        }
        c.project = j["project"]?.arrayValue ?? []
        return c
    }

    func save(root: URL) {
        let folder = root.appendingPathComponent(".herald-cache")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? Data("# Herald's check cache: safe to delete.\n*\n".utf8).write(to: folder.appendingPathComponent(".gitignore"))
        let j: JSONValue = [
            "format": .int(CheckCache.format), "compiler": .string(compiler), "shared": .string(shared),
            "campaigns": .object(campaigns.mapValues { e in
                ["size": .int(e.size), "modified": .int(e.modified), "hash": .string(e.hash), "name": .string(e.name),
                 "segment_refs": .array(e.segmentRefs.map { .string($0) }), "audience": .string(e.audienceSignature),
                 "diagnostics": .array(e.diagnostics)]
            }),
            "segments": .object(Dictionary(uniqueKeysWithValues: segmentFiles.map { name, path in
                (name, JSONValue.object(["path": .string(path), "refs": .array((segmentRefs[name] ?? []).map { .string($0) })]))
            })),
            "shared_stamps": .object(sharedStamps.mapValues { ["size": .int($0.size), "modified": .int($0.modified)] }),
            "project": .array(project),
        ]
        // Written beside and renamed, so that a concurrent run never reads half a file.
        let temporary = folder.appendingPathComponent("check.json.\(getpid())")
        guard (try? Data(j.compactText().utf8).write(to: temporary)) != nil else { return }
        _ = rename(temporary.path, CheckCache.location(root: root).path)
    }
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
