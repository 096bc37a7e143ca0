import ArgumentParser
import HeraldDriver

/// `herald check PATH`: every diagnostic of a project (or of one file in it); nothing is written.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check a project (or one campaign or segment file) and report every problem.")

    @Argument(help: "The project folder, or a file inside it.")
    var path: String = "."

    @OptionGroup var diagnostics: DiagnosticOptions

    func run() throws {
        let compilation = Compilation.run(ProjectLoader.load(path))
        if report(compilation, diagnostics) { throw ExitCode(1) }
        if diagnostics.diagnosticFormat == .human && compilation.diagnostics.isEmpty {
            let campaigns = compilation.checked?.campaigns.count ?? 0, segments = compilation.checked?.segments.count ?? 0
            FileHandle.standardError.write(Data("Checked \(campaigns) campaign\(campaigns == 1 ? "" : "s") and \(segments) segment\(segments == 1 ? "" : "s"): no problems.\n".utf8))
        }
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
        if report(compilation, diagnostics) { throw ExitCode(1) }
        guard let bundle = compilation.bundle() else { throw ExitCode(1) }
        do {
            try bundle.write(to: URL(fileURLWithPath: output))
        } catch {
            printError("cannot write the bundle to `\(output)`: \(error.localizedDescription)")
            throw ExitCode(2)
        }
        let campaigns = compilation.checked?.campaigns.count ?? 0
        print("Built \(campaigns) campaign\(campaigns == 1 ? "" : "s") for \(compilation.dialects.map(\.name).joined(separator: ", ")) into \(output)")
    }
}

import Foundation
