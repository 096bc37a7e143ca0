import Foundation
import HeraldSupport

/// The files a bundle already in the output folder consists of, read from its manifest, so that
/// a new build can remove what the project no longer produces (and nothing else).
enum PreviousManifest {
    static func paths(in directory: URL) -> Set<String> {
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent("manifest.json").path),
              let manifest = try? JSONParser.parse([UInt8](data)) else { return [] }
        var paths: Set<String> = ["manifest.json"]
        for entry in manifest["campaigns"]?.arrayValue ?? [] {
            guard let folder = entry["path"]?.stringValue, safe(folder) else { continue }
            for name in (entry["files"]?.objectValue ?? [:]).keys where safe(name) { paths.insert("\(folder)/\(name)") }
        }
        for (_, audience) in manifest["audiences"]?.objectValue ?? [:] {
            if let path = audience["path"]?.stringValue, safe(path) { paths.insert(path) }
        }
        return paths
    }

    /// A manifest is read from disk and may have been edited: only plain relative names inside
    /// the folder are trusted (no `..`, no absolute path, no hidden file).
    static func safe(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/").contains { $0 == ".." || $0 == "." || $0.hasPrefix(".") }
    }
}
