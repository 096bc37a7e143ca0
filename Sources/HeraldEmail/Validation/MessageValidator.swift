import HeraldChecker
import HeraldDiagnostics
import HeraldSchema
import HeraldSource

/// Renders every combination a recipient can receive with sample values and validates each
/// rendered HTML document, reporting problems at their source.
enum MessageValidator {
    static func validate(_ m: CompiledMessage, schema: Schema, fallback: Span, subject: Span, sources: SourceManager?) -> DiagnosticBag {
        var diagnostics = DiagnosticBag()
        var seen = Set<Diagnostic>()
        func emit(_ d: Diagnostic) { if seen.insert(d).inserted { diagnostics.emit(d) } }
        let printsUnsubscribe = m.readsBuiltin("unsubscribe_url")
        for combination in m.versions {
            let input = SampleProfile.input(schema: schema, campaign: m.campaign, variant: combination.variant, postalAddress: m.postalAddress,
                                            rows: m.largestLoop)
            var renderer = Renderer(input: input) { name in
                m.slot(named: name, variant: combination.variant)?.content(choice: combination.choices[name] ?? 0)
            }
            renderer.run(m.html)
            let mapper = HTMLProblemMapper(rendered: renderer.output, trace: renderer.trace, fallback: fallback) { sources?.file($0)?.bytes }
            let result = HTMLParser.parse(renderer.output)
            for p in result.problems where !p.isWarning {
                guard let sentence = HTMLProblemMapper.sentence(for: p) else { continue }
                emit(Diagnostic(.htmlSyntax, sentence, at: mapper.span(of: p)))
            }
            let document = RenderedDocument(
                html: renderer.output, root: result.root, isMarketing: m.kind == .marketing,
                hasPreheader: m.preheader(variant: combination.variant) != nil,
                unsubscribeURL: printsUnsubscribe ? input.builtins["unsubscribe_url"]?.text : nil)
            for rule in HTMLRules.all {
                for finding in rule.check(document) {
                    let span = finding.element.map { mapper.span(of: $0, in: result.root) } ?? (finding.atSubject ? subject : fallback)
                    var d = Diagnostic(rule.kind, finding.message, at: span)
                    if let help = finding.help { d = d.help(help) }
                    emit(d)
                }
            }
            if let ampProgram = m.ampHTML {
                var amp = Renderer(input: input) { name in
                    m.ampSlot(named: name, variant: combination.variant)?.content(choice: combination.choices[name] ?? 0)
                }
                amp.run(ampProgram)
                let ampMapper = HTMLProblemMapper(rendered: amp.output, trace: amp.trace, fallback: fallback) { sources?.file($0)?.bytes }
                let doc = AMPDocument(Array(amp.output.utf8))
                for rule in AMPRules.all {
                    for finding in rule.check(doc) {
                        let span = finding.element.map { ampMapper.span(of: $0, in: doc.root) } ?? fallback
                        var d = Diagnostic(rule.kind, finding.message, at: span).note("In the AMP part, which Herald generates from the HTML part.")
                        if let help = finding.help { d = d.help(help) }
                        emit(d)
                    }
                }
            }
        }
        return diagnostics
    }
}
