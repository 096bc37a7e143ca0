import ArgumentParser
import Foundation
import HeraldDiagnostics
import HeraldDriver
import HeraldSource

/// The `herald` command line: check, build, plan, sql, audience, explain and the tools around them.
@main
struct Herald: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "herald",
        abstract: "A declarative campaign compiler: checks email campaigns written in YAML and compiles them into SQL and email bundles.",
        version: Compilation.compilerVersion,
        subcommands: [Check.self, Build.self, Plan.self, SQL.self, Audience.self, Preview.self, Validate.self, Diff.self, SchemaCommand.self, Fmt.self, Explain.self, SampleData.self, Simulate.self, Results.self])

    /// Parses and runs a command. Exit codes: 0 clean, 1 errors in the campaigns, 2 bad invocation.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                print(message)
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((message + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

/// Options shared by commands that report diagnostics.
struct DiagnosticOptions: ParsableArguments {
    @Option(name: .long, help: "How to print diagnostics: human, json, sarif or github.")
    var format: String = "human"

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    func validate() throws {
        guard DiagnosticFormat(rawValue: format) != nil else {
            throw ValidationError("--format must be one of: \(DiagnosticFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
    }

    var diagnosticFormat: DiagnosticFormat { DiagnosticFormat(rawValue: format) ?? .human }
}

/// Prints the diagnostics of a compilation and returns whether it has errors (after `--strict`).
func report(_ compilation: Compilation, _ options: DiagnosticOptions) -> Bool {
    report(compilation.diagnostics, sources: compilation.sources, options)
}

/// Prints diagnostics over some sources and returns whether they have errors (after `--strict`).
func report(_ diagnostics: DiagnosticBag, sources: SourceManager, _ options: DiagnosticOptions) -> Bool {
    var bag = diagnostics
    if options.strict { bag.promoteWarnings() }
    let sorted = bag.sorted(using: sources)
    let text = DiagnosticOutput.render(sorted, sources: sources, format: options.diagnosticFormat,
                                       color: options.diagnosticFormat == .human && DiagnosticOutput.stderrWantsColor)
    if options.diagnosticFormat == .human {
        FileHandle.standardError.write(Data(text.utf8))
    } else {
        print(text, terminator: "")
    }
    return bag.hasErrors
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data(("herald: " + message + "\n").utf8))
}
