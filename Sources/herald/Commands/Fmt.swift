import ArgumentParser
import Foundation
import HeraldSyntax

/// `herald fmt [PATH…] [--check]`: project files with their keys in the canonical order, comments kept.
struct Fmt: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Put the keys of campaign, segment, project and schema files in the canonical order, keeping comments.",
        discussion: "Rewrites the files in place; with --check, changes nothing and exits 1 when a file is not formatted.")

    @Argument(help: "Project folders or files (default: .).")
    var paths: [String] = ["."]

    @Flag(help: "Report files that are not formatted instead of rewriting them.")
    var check = false

    func run() throws {
        var unformatted: [String] = []
        for file in try files() {
            guard let data = FileManager.default.contents(atPath: file) else {
                printError("cannot read `\(file)`.")
                throw ExitCode(2)
            }
            let text = String(decoding: data, as: UTF8.self)
            guard let order = CanonicalFormatter.order(forFile: text), let formatted = CanonicalFormatter.format(text, order: order),
                  formatted != text else { continue }
            unformatted.append(file)
            if !check { try Data(formatted.utf8).write(to: URL(fileURLWithPath: file)) }
        }
        for f in unformatted { print(check ? "not formatted: \(f)" : "formatted: \(f)") }
        if check && !unformatted.isEmpty { throw ExitCode(1) }
    }

    /// The YAML files under the paths, sorted.
    func files() throws -> [String] {
        var out: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                printError("`\(path)` does not exist.")
                throw ExitCode(2)
            }
            if !isDirectory.boolValue { out.append(path); continue }
            let e = FileManager.default.enumerator(atPath: path)
            while let relative = e?.nextObject() as? String {
                let full = (path as NSString).appendingPathComponent(relative)
                var isFolder: ObjCBool = false
                FileManager.default.fileExists(atPath: full, isDirectory: &isFolder)
                if relative.hasSuffix(".yaml") && !isFolder.boolValue && !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                    out.append(full)
                }
            }
        }
        return out.sorted()
    }
}
