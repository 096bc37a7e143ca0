import HeraldSource

/// Renders diagnostics as GitHub Actions workflow commands (`::error file=…,line=…::message`),
/// which GitHub shows as annotations on the pull request's changed lines.
public struct GitHubRenderer {
    public var sources: SourceManager

    public init(sources: SourceManager) { self.sources = sources }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for d in diagnostics {
            let command: String
            switch d.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .note: command = "notice"
            }
            var properties: [String] = []
            if let span = d.span, let f = sources.file(span.file) {
                let s = f.location(of: Int(span.start)), e = f.location(of: Int(span.end))
                properties.append("file=\(escapeProperty(f.path))")
                properties.append("line=\(s.line)")
                properties.append("endLine=\(e.line)")
                // GitHub accepts columns only on single-line annotations.
                if s.line == e.line {
                    properties.append("col=\(s.column)")
                    properties.append("endColumn=\(e.column)")
                }
            }
            properties.append("title=\(escapeProperty("\(d.code) \(d.kind.name)"))")
            var message = d.message
            if let help = d.help { message += "\nhelp: " + help }
            for note in d.notes { message += "\nnote: " + note }
            out += "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))\n"
        }
        return out
    }

    private func escapeData(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

import Foundation
