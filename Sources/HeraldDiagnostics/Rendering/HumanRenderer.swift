import HeraldSource

/// Renders diagnostics as compilers do: `file:line:col: error[H0102]: message`, the source line,
/// a caret underline, then help, notes and labelled secondary places.
public struct HumanRenderer {
    public var sources: SourceManager
    public var color: Bool

    public init(sources: SourceManager, color: Bool = false) {
        self.sources = sources
        self.color = color
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for d in diagnostics { out += render(d) }
        return out
    }

    public func render(_ d: Diagnostic) -> String {
        var out = ""
        let heading = paint(d.severity.rawValue + "[\(d.code)]", severityStyle(d.severity)) + paint(": " + d.message, "1")
        out += locationPrefix(d.span) + heading + "\n"
        let gutter = d.span.map { gutterWidth($0, labels: d.labels) } ?? 1
        if let span = d.span { out += snippet(span, gutter: gutter, marker: "^") }
        let pad = String(repeating: " ", count: gutter + 1)
        if let help = d.help { out += pad + paint("= help: ", "1;36") + help + "\n" }
        for fix in d.fixIts where d.help == nil { out += pad + paint("= fix: ", "1;36") + fix.message + "\n" }
        for note in d.notes { out += pad + paint("= note: ", "1") + note + "\n" }
        for label in d.labels {
            out += locationPrefix(label.span) + paint("note", severityStyle(.note)) + ": " + label.message + "\n"
            out += snippet(label.span, gutter: gutter, marker: "-")
        }
        return out
    }

    private func locationPrefix(_ span: Span?) -> String {
        guard let span, let file = sources.file(span.file) else { return "herald: " }
        return paint("\(file.path):\(file.location(of: Int(span.start))): ", "1")
    }

    private func gutterWidth(_ span: Span, labels: [DiagnosticLabel]) -> Int {
        var widest = 1
        for s in [span] + labels.map(\.span) {
            if let f = sources.file(s.file) { widest = max(widest, String(f.location(of: Int(s.start)).line).count) }
        }
        return widest
    }

    /// The source line of the span's start and an underline of the span (clipped to that line).
    private func snippet(_ span: Span, gutter: Int, marker: Character) -> String {
        guard let file = sources.file(span.file) else { return "" }
        let start = file.location(of: Int(span.start))
        let text = file.lineText(start.line)
        let scalars = Array(text.unicodeScalars)
        let endLocation = file.location(of: Int(span.end))
        let lastColumn = endLocation.line == start.line ? endLocation.column : scalars.count + 1
        let width = max(1, lastColumn - start.column)
        var lead = ""
        for i in 0..<max(0, min(start.column - 1, scalars.count)) { lead.append(scalars[i] == "\t" ? "\t" : " ") }
        let number = String(start.line)
        let blank = String(repeating: " ", count: gutter)
        var out = String(repeating: " ", count: gutter - number.count) + paint(number + " | ", "1;34") + text + "\n"
        out += blank + paint(" | ", "1;34") + lead + paint(String(repeating: marker, count: width), marker == "^" ? "1;32" : "1;34") + "\n"
        return out
    }

    private func severityStyle(_ s: Severity) -> String {
        switch s {
        case .error: return "1;31"
        case .warning: return "1;33"
        case .note: return "1;36"
        }
    }

    private func paint(_ text: String, _ style: String) -> String {
        color ? "\u{1B}[\(style)m\(text)\u{1B}[0m" : text
    }

    /// A one-line total such as `2 errors, 1 warning`.
    public static func summary(errors: Int, warnings: Int) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(errors, "error")), \(plural(warnings, "warning"))"
    }
}
