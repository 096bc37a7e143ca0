import ArgumentParser
import Foundation
import HeraldDiagnostics
import HeraldEmail
import HeraldSource
import HeraldSyntax

/// `herald validate FILE...`: email documents written elsewhere, checked as HTML email or as AMP
/// for Email (when the `<html>` tag says so). Exit 0 when nothing is an error, 1 otherwise.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check email documents written elsewhere: AMP for Email when `<html>` says `⚡4email` or `amp4email`, HTML email otherwise.")

    @Argument(help: "The HTML or AMP files.")
    var files: [String]

    @Option(name: .customLong("max-bytes"), help: "The largest document to parse (the default `limits.html_bytes`, 8 MB).")
    var maxBytes: Int = ProjectLimits.standard.htmlBytes

    @OptionGroup var diagnostics: DiagnosticOptions

    func run() throws {
        let sources = SourceManager()
        var bag = DiagnosticBag()
        var verdicts: [String] = []
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else {
                printError("cannot read `\(path)`.")
                throw ExitCode(2)
            }
            // Far beyond any inbox's clipping size: refused by its size, not parsed.
            if data.count > maxBytes {
                let file = sources.add(path: path, bytes: [])
                bag.emit(Diagnostic(.fileTooLarge, "`\(path)` is \(data.count) bytes, more than the limit of \(maxBytes).", at: file.wholeSpan)
                    .help("Gmail clips a message above 102 KB; raise `--max-bytes` to check a larger document anyway."))
                verdicts.append("\(path): FAIL")
                continue
            }
            let file = sources.add(path: path, bytes: [UInt8](data))
            let (kind, found) = DocumentValidator.validate(file)
            bag.merge(found)
            verdicts.append("\(path): \(kind == .amp ? "AMP for Email" : "HTML email"), \(found.hasErrors ? "FAIL" : "PASS")")
        }
        let failed = report(bag, sources: sources, diagnostics)
        if diagnostics.diagnosticFormat == .human {
            FileHandle.standardError.write(Data((verdicts.joined(separator: "\n") + "\n").utf8))
        }
        if failed { throw ExitCode(1) }
    }
}
