import HeraldDiagnostics
import HeraldSource

/// `herald validate`: an email document written elsewhere (by hand, by MJML, by an ESP), checked as
/// AMP for Email when its `<html>` tag says so (`⚡4email`, `⚡️4email` or `amp4email`) and as HTML
/// email otherwise, every diagnostic located in the file.
public enum DocumentValidator {
    public enum Kind: String, Sendable { case html, amp }

    public static func validate(_ file: SourceFile) -> (Kind, DiagnosticBag) {
        var diagnostics = DiagnosticBag()
        var seen = Set<Diagnostic>()
        func emit(_ d: Diagnostic) { if seen.insert(d).inserted { diagnostics.emit(d) } }
        let whole = file.wholeSpan
        let start = Span(file: file.id, start: 0, end: 0)
        let amp = AMPSource(file.bytes)
        let parsedBytes = amp.isAMP ? amp.bytes : file.bytes
        let text = String(decoding: parsedBytes, as: UTF8.self)
        // The document is its own source; where AMP rewrites changed lengths, the trace realigns offsets.
        let shifts: [(rewritten: Int, original: Int)] = amp.isAMP ? amp.shifts : [(0, 0)]
        let trace = shifts.map { (offset: $0.rewritten, span: Span(file: file.id, start: $0.original, end: Int(whole.end))) }
        let mapper = HTMLProblemMapper(rendered: text, trace: trace, fallback: start)
        // An AMP document is parsed once, for the syntax problems and the rules alike.
        let ampDocument = amp.isAMP ? AMPDocument(source: amp, original: file.bytes) : nil
        let parsed = ampDocument.map { HTMLParseResult(root: $0.root, problems: $0.problems) } ?? HTMLParser.parse(parsedBytes)
        for p in parsed.problems where !p.isWarning {
            guard let sentence = HTMLProblemMapper.sentence(for: p) else { continue }
            emit(Diagnostic(.htmlSyntax, sentence, at: mapper.span(of: p)))
        }
        func report(_ kind: DiagnosticKind, _ findings: [HTMLFinding]) {
            for f in findings {
                var d = Diagnostic(kind, f.message, at: f.element.map { mapper.span(of: $0, in: parsed.root) } ?? start)
                if let help = f.help { d = d.help(help) }
                emit(d)
            }
        }
        if let doc = ampDocument {
            for rule in AMPRules.all { report(rule.kind, rule.check(doc)) }
            return (.amp, diagnostics)
        }
        let doc = RenderedDocument(html: text, root: parsed.root, isMarketing: false, hasPreheader: true, unsubscribeURL: nil)
        for rule in HTMLRules.all { report(rule.kind, rule.check(doc)) }
        return (.html, diagnostics)
    }
}
