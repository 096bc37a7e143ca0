import Foundation
import HeraldDiagnostics
import HeraldSource

/// How diagnostics are printed: for people (stderr, with source and carets), or for tools.
public enum DiagnosticFormat: String, CaseIterable, Sendable {
    case human, json, sarif, github
}

public enum DiagnosticOutput {
    /// Renders sorted diagnostics in a format; human output ends with a summary line.
    public static func render(_ diagnostics: [Diagnostic], sources: SourceManager, format: DiagnosticFormat, color: Bool) -> String {
        switch format {
        case .human:
            var out = HumanRenderer(sources: sources, color: color).render(diagnostics)
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.filter { $0.severity == .warning }.count
            if errors + warnings > 0 { out += HumanRenderer.summary(errors: errors, warnings: warnings) + "\n" }
            return out
        case .json: return JSONRenderer(sources: sources).render(diagnostics)
        case .sarif: return SARIFRenderer(sources: sources, toolVersion: Compilation.compilerVersion).render(diagnostics)
        case .github: return GitHubRenderer(sources: sources).render(diagnostics)
        }
    }

    /// Whether standard error is a terminal that wants color.
    public static var stderrWantsColor: Bool {
        ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isatty(2) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }
}
