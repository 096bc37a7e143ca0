import ArgumentParser
import Foundation
import HeraldDriver
import HeraldRuntime
import HeraldSupport

/// `herald diff OLD NEW` (two bundle folders) or `herald diff --git BASE [PROJECT]`: what changed,
/// as Markdown for a pull-request comment or as JSON.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what changed between two builds: campaigns added, removed and changed, audiences in words, content.",
        discussion: "With --git BASE, builds the project at that revision and at the working tree itself.")

    @Argument(help: "Two bundle folders (OLD NEW), or with --git the project folder (default: .).")
    var paths: [String] = []

    @Option(help: "Compare the project in the working tree with the same project at this git revision.")
    var git: String?

    @Option(help: "Also count each audience before and after on this database (sqlite:FILE or a PostgreSQL URL).")
    var db: String?

    @Option(name: .customLong("as-of"), help: "The instant audiences are counted at, with --db (ISO 8601, default: now).")
    var asOf: String?

    @Option(help: "markdown or json.")
    var format: String = "markdown"

    func validate() throws {
        guard ["markdown", "json"].contains(format) else { throw ValidationError("--format must be markdown or json.") }
        if git == nil && paths.count != 2 { throw ValidationError("Give two bundle folders, or --git BASE.") }
        if git != nil && paths.count > 1 { throw ValidationError("With --git, give at most the project folder.") }
    }

    func run() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("herald-diff-\(getpid())")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (oldPath, newPath) = try git.map { try buildBoth(base: $0, project: paths.first ?? ".", scratch: scratch) } ?? (paths[0], paths[1])
        let old = try read(oldPath), new = try read(newPath)
        var report = DiffReport(diff: BundleDiff(old: old, new: new))
        if let db {
            let instant = try parseInstant(asOf)
            let (connection, dialect) = try openDatabase(db)
            let file = "audience.\(dialect.name).sql"
            func count(_ s: BundleSnapshot, _ name: String) -> Int? {
                guard let sql = s.campaigns[name]?.sql[file] else { return nil }
                return (try? AudienceRunner.run(sql, dialect: dialect, on: connection, asOf: instant)).map { AudienceSummary(result: $0).recipients }
            }
            for name in report.diff.added + report.diff.removed + report.diff.changed.map(\.name) {
                report.sizes[name] = (count(old, name), count(new, name))
            }
        }
        print(format == "json" ? report.json.prettyText() : report.markdown, terminator: format == "json" ? "\n" : "")
    }

    func read(_ path: String) throws -> BundleSnapshot {
        switch BundleSnapshot.read(path) {
        case .success(let s): return s
        case .failure(let e):
            printError(e.message + ".")
            throw ExitCode(2)
        }
    }

    /// Builds the working tree's project and the same project at `base` into `scratch`.
    func buildBoth(base: String, project: String, scratch: URL) throws -> (String, String) {
        let projectURL = URL(fileURLWithPath: project).standardizedFileURL
        guard let top = shell("git", ["-C", projectURL.path, "rev-parse", "--show-toplevel"])?.trimmingCharacters(in: .whitespacesAndNewlines) else {
            printError("`\(project)` is not inside a git repository.")
            throw ExitCode(2)
        }
        let topURL = URL(fileURLWithPath: top).standardizedFileURL
        let relative = String(projectURL.path.dropFirst(topURL.path.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        let checkout = scratch.appendingPathComponent("base")
        try FileManager.default.createDirectory(at: checkout, withIntermediateDirectories: true)
        let archive = scratch.appendingPathComponent("base.tar")
        guard shell("git", ["-C", top, "archive", "--format=tar", "-o", archive.path, base]) != nil,
              shell("tar", ["-x", "-f", archive.path, "-C", checkout.path]) != nil else {
            printError("cannot read revision `\(base)` of the repository.")
            throw ExitCode(2)
        }
        let oldOut = scratch.appendingPathComponent("old"), newOut = scratch.appendingPathComponent("new")
        for (source, out, label) in [(checkout.appendingPathComponent(relative).path, oldOut, base), (projectURL.path, newOut, "the working tree")] {
            let compilation = Compilation.run(ProjectLoader.load(source))
            guard let writer = compilation.bundleWriter else {
                printError("the project at \(label) does not build; run `herald check` there.")
                throw ExitCode(1)
            }
            try writer.write(to: out)
        }
        return (oldOut.path, newOut.path)
    }

    /// Runs a tool; its standard output, or nil when it fails.
    func shell(_ tool: String, _ arguments: [String]) -> String? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [tool] + arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return p.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }
}
