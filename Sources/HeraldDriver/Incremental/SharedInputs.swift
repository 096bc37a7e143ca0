import Foundation

/// The files every campaign depends on: `herald.yaml`, `schema.yaml`, the segments and the
/// layouts. Their stamps are compared first; only when one differs are they read and hashed.
struct SharedInputs {
    let root: URL
    /// Project-relative path → stamp, for every shared file.
    let stamps: [String: FileStamp]

    init(root: URL) {
        self.root = root
        var stamps: [String: FileStamp] = [:]
        var paths = ["herald.yaml", "schema.yaml"]
        for (folder, extensions) in [("segments", Set(["yaml", "yml"])), ("layouts", Set(["html", "htm"]))] {
            paths += ProjectLoader.names(in: root.appendingPathComponent(folder), extensions: extensions).map { folder + "/" + $0 }
        }
        let prefix = root.path + "/"
        for p in paths { if let s = FileStamp(prefix + p) { stamps[p] = s } }
        self.stamps = stamps
    }

    /// The hash of every shared file's path and bytes; the cached hash when no stamp changed.
    func hash(cache: CheckCache?) -> String {
        if let cache, cache.sharedStamps == stamps { return cache.shared }
        var all: [UInt8] = Array("herald-check-\(CheckCache.format)-\(Compilation.compilerVersion)\n".utf8)
        for p in stamps.keys.sorted() {
            all += Array(p.utf8) + [0]
            all += [UInt8](FileManager.default.contents(atPath: root.appendingPathComponent(p).path) ?? Data()) + [0]
        }
        return ContentHash.hex(all)
    }
}

extension IncrementalCheck {
    static func sharedInputs(_ root: URL) -> SharedInputs { SharedInputs(root: root) }
}
