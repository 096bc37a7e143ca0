import Foundation
import HeraldDriver

/// A temporary project: the shop's settings, schema, segments and layouts (or replacements), plus
/// the files a test adds. Removed when the value goes away.
public final class ScratchProject {
    public let root: URL

    public init(base: String = "examples/shop", files: [String: String] = [:], keepCampaigns: Bool = false) throws {
        root = TestPaths.temporaryDirectory()
        for item in ["herald.yaml", "schema.yaml", "segments", "layouts"] + (keepCampaigns ? ["campaigns"] : []) {
            let source = TestPaths.path("\(base)/\(item)")
            if FileManager.default.fileExists(atPath: source.path) {
                try FileManager.default.copyItem(at: source, to: root.appendingPathComponent(item))
            }
        }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("campaigns"), withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text) }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    public func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Compiles the whole project, or one file of it.
    public func compile(_ path: String = ".") -> Compilation {
        Compilation.run(ProjectLoader.load(path, workingDirectory: root))
    }

    /// A marketing campaign with a compliant body, for tests that vary one part. `message` replaces
    /// the `html:` line with lines of its own (a layout and blocks), from the file's eighth line.
    public static func campaign(_ name: String, audience: String, extra: String = "", subject: String = "\"Hello\"",
                                html: String = "'<p>Hi. <a href=\"{{ unsubscribe_url }}\">Unsubscribe</a> {{ postal_address }}</p>'",
                                message: String? = nil) -> String {
        "campaign: \(name)\nkind: marketing\naudience:\n  where: \(audience)\n\(extra)message:\n  subject: \(subject)\n  preheader: \"Hi\"\n"
            + (message ?? "  html: \(html)\n")
    }
}
