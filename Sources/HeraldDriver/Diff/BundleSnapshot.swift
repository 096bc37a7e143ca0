import Foundation
import HeraldSupport

/// A bundle folder as `herald diff` reads it: the manifest and, per campaign, its JSON files and
/// its reviewer template.
public struct BundleSnapshot: Sendable {
    public struct Campaign: Sendable {
        public var name: String
        public var kind: String
        public var campaign: JSONValue
        public var message: JSONValue
        public var template: String
        /// Audience SQL per dialect file name (`audience.sqlite.sql`).
        public var sql: [String: String]
    }

    public var root: URL
    public var campaigns: [String: Campaign]

    /// Reads a bundle written by `herald build`; the error says what is missing or malformed.
    public static func read(_ folder: String) -> Result<BundleSnapshot, PreviewError> {
        let root = URL(fileURLWithPath: folder)
        func json(_ url: URL) -> JSONValue? {
            FileManager.default.contents(atPath: url.path).flatMap { try? JSONParser.parse([UInt8]($0)) }
        }
        guard let manifest = json(root.appendingPathComponent("manifest.json")) else {
            return .failure(PreviewError("`\(folder)` is not a bundle: it has no readable `manifest.json`"))
        }
        guard manifest["format"]?.intValue == 1 else {
            return .failure(PreviewError("`\(folder)` is a bundle of a format this Herald does not read"))
        }
        var campaigns: [String: Campaign] = [:]
        for entry in manifest["campaigns"]?.arrayValue ?? [] {
            guard let name = entry["name"]?.stringValue, let path = entry["path"]?.stringValue else { continue }
            let dir = root.appendingPathComponent(path)
            guard let c = json(dir.appendingPathComponent("campaign.json")), let m = json(dir.appendingPathComponent("message.json")) else {
                return .failure(PreviewError("the bundle `\(folder)` lacks the files of `\(name)`"))
            }
            var sql: [String: String] = [:]
            for file in (entry["files"]?.objectValue ?? [:]).keys where file.hasSuffix(".sql") {
                sql[file] = FileManager.default.contents(atPath: dir.appendingPathComponent(file).path).map { String(decoding: $0, as: UTF8.self) }
            }
            let template = FileManager.default.contents(atPath: dir.appendingPathComponent("template.html").path).map { String(decoding: $0, as: UTF8.self) } ?? ""
            campaigns[name] = Campaign(name: name, kind: entry["kind"]?.stringValue ?? "", campaign: c, message: m, template: template, sql: sql)
        }
        return .success(BundleSnapshot(root: root, campaigns: campaigns))
    }
}
