import ArgumentParser
import Foundation
import HeraldDiagnostics
import HeraldDriver
import HeraldSource

/// `herald check PATH`: every diagnostic of a project (or of one file in it). Only the cache in
/// `.herald-cache/` is written.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check a project (or one campaign or segment file) and report every problem.")

    @Argument(help: "The project folder, or a file inside it.")
    var path: String = "."

    @Flag(help: "Check every file, ignoring and not writing `.herald-cache/` (a project folder only).")
    var noCache = false

    @OptionGroup var diagnostics: DiagnosticOptions

    func run() throws {
        // A project folder is checked through the cache; a single file, or `--no-cache`, directly.
        let folder = URL(fileURLWithPath: path, isDirectory: true)
        let bag: DiagnosticBag, sources: SourceManager, campaigns: Int, segments: Int
        var rechecked: [String]?
        if !noCache, FileManager.default.fileExists(atPath: folder.appendingPathComponent("herald.yaml").path) {
            let outcome = IncrementalCheck.run(root: folder.standardizedFileURL)
            (bag, sources, campaigns, segments, rechecked) = (outcome.diagnostics, outcome.sources, outcome.campaigns, outcome.segments, outcome.rechecked)
        } else {
            let compilation = Compilation.run(ProjectLoader.load(path), keepingMessages: false)
            defer { ProcessLifetime.keep(compilation) }
            (bag, sources) = (compilation.diagnostics, compilation.sources)
            (campaigns, segments) = (compilation.checked?.campaigns.count ?? 0, compilation.checked?.segments.count ?? 0)
        }
        let failed = report(bag, sources: sources, diagnostics)
        // The human summary says what was checked and how much of it came from the cache.
        let cached = rechecked.map { $0.isEmpty ? " (from `.herald-cache`)"
            : " (\($0.count) changed file\($0.count == 1 ? "" : "s") checked again, the rest from `.herald-cache`)" } ?? ""
        let checked = "Checked \(campaigns) campaign\(campaigns == 1 ? "" : "s") and \(segments) segment\(segments == 1 ? "" : "s")"
        if diagnostics.diagnosticFormat == .human && bag.isEmpty {
            FileHandle.standardError.write(Data("\(checked): no problems\(cached).\n".utf8))
        } else if diagnostics.diagnosticFormat == .human && !cached.isEmpty {
            FileHandle.standardError.write(Data("\(checked)\(cached).\n".utf8))
        }
        if failed { throw ExitCode(1) }
    }
}

/// `herald build PATH -o DIR`: check, then write the bundle.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Compile a project into a bundle of SQL and message files.")

    @Argument(help: "The project folder.")
    var path: String = "."

    @Option(name: [.short, .customLong("output")], help: "The folder to write the bundle to.")
    var output: String = "build"

    @OptionGroup var diagnostics: DiagnosticOptions

    func run() throws {
        let compilation = Compilation.run(ProjectLoader.load(path))
        defer { ProcessLifetime.keep(compilation) }
        if report(compilation, diagnostics) { throw ExitCode(1) }
        guard let writer = compilation.bundleWriter else { throw ExitCode(1) }
        do {
            try writer.write(to: URL(fileURLWithPath: output))
        } catch {
            printError("cannot write the bundle to `\(output)`: \(error.localizedDescription)")
            throw ExitCode(2)
        }
        let campaigns = compilation.checked?.campaigns.count ?? 0
        print("Built \(campaigns) campaign\(campaigns == 1 ? "" : "s") for \(compilation.dialects.map(\.name).joined(separator: ", ")) into \(output)")
    }
}

import Foundation
