import ArgumentParser
import HeraldDiagnostics

/// `herald explain CODE`: the page of a diagnostic code.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Explain a diagnostic code, or list every code.")

    @Argument(help: "A code such as H0102, or a name such as missing-key.")
    var code: String?

    @Flag(help: "List every code with its summary.")
    var list = false

    func run() throws {
        if list || code == nil {
            for k in DiagnosticKind.all { print("\(k.code)  \(k.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(k.name): \(k.summary)") }
            return
        }
        guard let kind = DiagnosticKind.lookup(code!) else {
            var message = "`\(code!)` is not a diagnostic code."
            if let close = Suggestions.closest(to: code!, among: DiagnosticKind.all.map(\.code) + DiagnosticKind.all.map(\.name)) {
                message += " Did you mean `\(close)`?"
            }
            printError(message)
            throw ExitCode(2)
        }
        print(ExplainPage.markdown(kind), terminator: "")
    }
}

import Foundation
