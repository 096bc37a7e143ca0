import Foundation
import HeraldChecker
import HeraldDiagnostics
import HeraldSchema
import HeraldSource
import HeraldSupport

/// Renders every combination a recipient can receive with sample values and validates each
/// rendered HTML document, reporting problems at their source.
enum MessageValidator {
    static func validate(_ m: CompiledMessage, schema: Schema, fallback: Span, subject: Span, sources: SourceManager?,
                         skeletons: SkeletonCache = SkeletonCache(), verdicts: SkeletonVerdicts = SkeletonVerdicts()) -> DiagnosticBag {
        validate(m, schema: schema, fallback: fallback, subject: subject, sources: sources, skeletons: skeletons, verdicts: verdicts).diagnostics
    }

    /// The same, saying how many checks of each part read only the elements a splice changed;
    /// without `verdicts`, every version is checked whole (tests compare the two).
    static func validate(_ m: CompiledMessage, schema: Schema, fallback: Span, subject: Span, sources: SourceManager?,
                         skeletons: SkeletonCache, verdicts: SkeletonVerdicts?) -> (diagnostics: DiagnosticBag, limitedChecks: [MessagePart: Int]) {
        var diagnostics = DiagnosticBag()
        var seen = Set<Diagnostic>()
        func emit(_ d: Diagnostic) { if seen.insert(d).inserted { diagnostics.emit(d) } }
        let printsUnsubscribe = m.readsBuiltin("unsubscribe_url")
        // Versions often render the same document (arms that differ only in their subject, block
        // alternatives an arm overrides): each distinct document, traced to the same sources, is
        // parsed and checked once.
        var validated = ValidatedVersions()
        // The sample recipient depends on the arm only; block choices vary far more often.
        var inputs: [String?: RenderInput] = [:]
        // Versions differ in their slots: the layout around them is parsed once (and once for
        // every campaign of the compilation that uses it).
        var splicer = SlotSplicingParser(shared: skeletons)
        // Versions are about the same size: each output is allocated once at the size of the last.
        var htmlSize = 0, ampSize = 0
        // Versions spliced into one skeleton share every element outside their changes: when the
        // skeleton passes the element rules, each is checked by them only where it changed.
        var limitedChecks: [MessagePart: Int] = [:]
        // Versions with the same render key render the same document from the same sources: each
        // key is rendered once, before anything is compared byte by byte.
        let keys = RenderKeys(m)
        var rendered: Set<RenderKey> = []
        for combination in m.versions {
            let rendersHTML = rendered.insert(keys.key(combination, part: .html)).inserted
            let rendersAMP = m.ampHTML != nil && rendered.insert(keys.key(combination, part: .amp)).inserted
            guard rendersHTML || rendersAMP else { continue }
            let input = inputs[combination.variant] ?? SampleProfile.input(schema: schema, campaign: m.campaign, variant: combination.variant,
                                                                           postalAddress: m.postalAddress, rows: m.largestLoop)
            inputs[combination.variant] = input
            if rendersHTML {
                var renderer = Renderer(input: input, capacity: htmlSize + htmlSize / 8) { name in
                    m.slot(named: name, variant: combination.variant)?.content(choice: combination.choices[name] ?? 0)
                }
                renderer.run(m.html)
                htmlSize = renderer.output.utf8.count
                let unsubscribeURL = printsUnsubscribe ? input.builtins["unsubscribe_url"]?.text : nil
                let hasPreheader = m.preheader(variant: combination.variant) != nil
                if validated.insert(RenderedVersionKey(renderer, part: "html", facts: [hasPreheader ? "preheader" : "", unsubscribeURL ?? ""])) {
                    // Built only when something is reported: most versions have nothing to map.
                    lazy var mapper = HTMLProblemMapper(rendered: renderer.output, trace: renderer.trace, fallback: fallback) { sources?.file($0)?.bytes }
                    let bytes = Array(renderer.output.utf8)
                    let isMarketing = m.kind == .marketing
                    // What the skeleton says, learned once it is known; without its tree when the
                    // rules need only what the splice changed. Lines are needed only to place a
                    // finding: a version with one is parsed again with them.
                    var verdict: SkeletonVerdict?
                    var parsed = splicer.parse(bytes, slots: renderer.slotRanges, exactLines: false) { skeleton, root in
                        let facts = [isMarketing ? "marketing" : "", hasPreheader ? "preheader" : "", unsubscribeURL ?? ""]
                        verdict = verdicts?.verdict(.init(skeleton: skeleton, part: .html, facts: facts)) {
                            .html(root, isMarketing: isMarketing, hasPreheader: hasPreheader, unsubscribeURL: unsubscribeURL)
                        }
                        return verdict?.needsTree ?? true
                    }
                    func check() -> [[HTMLFinding]] {
                        let document = RenderedDocument(html: renderer.output, root: parsed.result.root, isMarketing: isMarketing,
                                                        hasPreheader: hasPreheader, unsubscribeURL: unsubscribeURL)
                        let changed = verdict?.elementRulesPass == true ? parsed.changes.map(document.limited(to:)) : nil
                        if changed != nil { limitedChecks[.html, default: 0] += 1 }
                        return zip(HTMLRules.all, verdict?.documentRulesPass ?? HTMLRules.all.map { _ in false }).map { rule, passes in
                            switch rule.scope {
                            case .element: rule.check(changed ?? document)
                            case .document: passes ? [] : rule.check(document)
                            case .text: rule.check(document)
                            }
                        }
                    }
                    var findings = check()
                    if !parsed.exactLines, findings.contains(where: { $0.contains { $0.element != nil } }) {
                        parsed = splicer.parse(bytes, slots: renderer.slotRanges, exactLines: true)
                        findings = check()
                    }
                        let result = parsed.result
                    for p in result.problems where !p.isWarning {
                        guard let sentence = HTMLProblemMapper.sentence(for: p) else { continue }
                        emit(Diagnostic(.htmlSyntax, sentence, at: mapper.span(of: p)))
                    }
                    for (rule, found) in zip(HTMLRules.all, findings) {
                        for finding in found {
                            let span = finding.element.map { mapper.span(of: $0, in: result.root) } ?? (finding.atSubject ? subject : fallback)
                            var d = Diagnostic(rule.kind, finding.message, at: span)
                            if let help = finding.help { d = d.help(help) }
                            emit(d)
                        }
                    }
                }
            }
            // The AMP part has its own keys: an HTML version seen before says nothing about it.
            guard rendersAMP, let ampProgram = m.ampHTML else { continue }
            var amp = Renderer(input: input, capacity: ampSize + ampSize / 8) { name in
                m.ampSlot(named: name, variant: combination.variant)?.content(choice: combination.choices[name] ?? 0)
            }
            amp.run(ampProgram)
            ampSize = amp.output.utf8.count
            guard validated.insert(RenderedVersionKey(amp, part: "amp", facts: [])) else { continue }
            lazy var ampMapper = HTMLProblemMapper(rendered: amp.output, trace: amp.trace, fallback: fallback) { sources?.file($0)?.bytes }
            // Spliced like the HTML part, through the AMP preparation's rewrites; its rules read
            // only the tree.
            let original = Array(amp.output.utf8)
            let prepared = AMPSource(original)
            let slots = amp.slotRanges.map { prepared.rewrittenOffset($0.lowerBound)..<prepared.rewrittenOffset($0.upperBound) }
            func check(exactLines: Bool) -> (AMPDocument, [[HTMLFinding]], exactLines: Bool) {
                let tree = splicer.parseTree(prepared.bytes, slots: slots, exactLines: exactLines)
                let doc = AMPDocument(source: prepared, parsed: HTMLParseResult(root: tree.root, problems: []), original: original)
                let verdict = tree.changes.flatMap { changes in
                    verdicts?.verdict(.init(skeleton: changes.skeleton, part: .amp, facts: [])) {
                        .amp(changes.skeletonRoot, source: prepared, original: original)
                    }
                }
                let changed = verdict?.elementRulesPass == true ? tree.changes.map(doc.limited(to:)) : nil
                if changed != nil { limitedChecks[.amp, default: 0] += 1 }
                return (doc, AMPRules.all.map { $0.check($0.scope == .element ? changed ?? doc : doc) }, tree.exactLines)
            }
            var (doc, findings, exact) = check(exactLines: false)
            if !exact, findings.contains(where: { $0.contains { $0.element != nil } }) { (doc, findings, exact) = check(exactLines: true) }
            for (rule, found) in zip(AMPRules.all, findings) {
                for finding in found {
                    let span = finding.element.map { ampMapper.span(of: $0, in: doc.root) } ?? fallback
                    var d = Diagnostic(rule.kind, finding.message, at: span).note("In the AMP part, which Herald generates from the HTML part.")
                    if let help = finding.help { d = d.help(help) }
                    emit(d)
                }
            }
        }
        return (diagnostics, limitedChecks)
    }
}

/// What makes two rendered versions the same for validation: the output, where each piece of it
/// came from (so a problem is still reported at every source that produces it), and the facts
/// rules read besides the HTML.
private struct RenderedVersionKey: Equatable {
    var output: String
    var offsets: [Int]
    var spans: [Span]
    var part: String
    var facts: [String]

    init(_ renderer: Renderer, part: String, facts: [String]) {
        output = renderer.output
        offsets = renderer.trace.map(\.offset)
        spans = renderer.trace.map(\.span)
        self.part = part
        self.facts = facts
    }

    /// The outputs compare as bytes: `String ==` compares Unicode canonical equivalence, which
    /// on 60 KB documents cost more than everything else here.
    static func == (a: Self, b: Self) -> Bool {
        a.offsets == b.offsets && a.part == b.part && a.facts == b.facts && a.spans == b.spans && a.output.hasSameUTF8(as: b.output)
    }
}

/// The versions of one message validated so far, by output length. A message has a dozen
/// versions or so: comparing a new one with those of its length (`memcmp` reads tens of bytes a
/// cycle, and most differ in length) costs less than hashing every byte of every version, which
/// was 4% of a check's instructions.
private struct ValidatedVersions {
    private var byLength: [Int: [RenderedVersionKey]] = [:]

    /// Adds a version; false when the same one was validated already.
    mutating func insert(_ key: RenderedVersionKey) -> Bool {
        let length = key.output.utf8.count
        if byLength[length]?.contains(key) == true { return false }
        byLength[length, default: []].append(key)
        return true
    }
}
