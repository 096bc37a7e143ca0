import HeraldDiagnostics
import HeraldSchema
import HeraldSource
import HeraldSyntax

/// Checks a campaign's message: sender, templates, the layout and its blocks, compliance, and the
/// experiment variants that override parts of it.
struct MessageChecker {
    let schema: Schema
    let settings: ProjectSettings
    let layouts: [String: LayoutSyntax]
    let resolveSegment: (Located<String>, inout DiagnosticBag) -> TypedExpr?
    var diagnostics = DiagnosticBag()
    /// One template checker for the whole message, so that fields and relations accumulate.
    var templates: TemplateChecker
    private var slotNames: [String] = []

    init(schema: Schema, settings: ProjectSettings, layouts: [String: LayoutSyntax],
         resolveSegment: @escaping (Located<String>, inout DiagnosticBag) -> TypedExpr?) {
        self.schema = schema
        self.settings = settings
        self.layouts = layouts
        self.resolveSegment = resolveSegment
        self.templates = TemplateChecker(schema: schema)
    }

    private mutating func template(_ t: Template?) -> CheckedTemplate? {
        guard let t else { return nil }
        let before = templates.diagnostics.items.count
        let checked = templates.check(t)
        return templates.diagnostics.items.count > before && templates.diagnostics.items[before...].contains { $0.severity == .error }
            ? nil : checked
    }

    mutating func check(_ m: MessageSyntax, kind: CampaignKind, campaignSpan: Span) -> CheckedMessage? {
        var ok = true
        var from = settings.from
        if let f = m.from {
            if SenderAddress.isValid(f.value) { from = f.value } else {
                diagnostics.emit(Diagnostic(.invalidSender, "`\(f.value)` is not a sender address.", at: f.span)
                    .help("Write `news@acme.example` or `Acme <news@acme.example>`."))
                ok = false
            }
        } else if from == nil {
            diagnostics.emit(Diagnostic(.invalidSender, "The message has no sender.", at: m.span.subspan(offset: 0, length: 0))
                .help("Add `from: \"Acme <news@acme.example>\"` to the message, or a default `from` to `herald.yaml`."))
            ok = false
        }
        if let r = m.replyTo, !SenderAddress.isValid(r.value) {
            diagnostics.emit(Diagnostic(.invalidSender, "`\(r.value)` is not an address.", at: r.span))
            ok = false
        }

        // The body: inline html, or a layout whose slots the blocks fill.
        var body: CheckedTemplate?
        var slots: [CheckedSlot] = []
        if let layoutName = m.layout {
            if let html = m.html {
                diagnostics.emit(Diagnostic(.misplacedBody, "A message with a layout fills its slots with `blocks`, not `html`.", at: html.span)
                    .help("Move this content into a block named after one of the layout's slots."))
                ok = false
            }
            guard let layout = layouts[layoutName.value] ?? layouts[normalize(layoutName.value)] else {
                diagnostics.emit(Diagnostic(.unknownLayout, "There is no layout `\(layoutName.value)`.", at: layoutName.span)
                    .suggesting(layoutName.value, among: layouts.keys.sorted(), at: layoutName.span))
                return nil
            }
            guard let t = layout.template else { return nil }
            var layoutChecker = TemplateChecker(schema: schema, allowsSlots: true)
            let checkedLayout = layoutChecker.check(t)
            diagnostics.merge(layoutChecker.diagnostics)
            if layoutChecker.diagnostics.hasErrors { return nil }
            templates.customerFields.formUnion(layoutChecker.customerFields)
            templates.builtins.formUnion(layoutChecker.builtins)
            body = checkedLayout
            slotNames = layoutChecker.slots.map(\.value)
            for b in m.blocks {
                guard slotNames.contains(b.slot.value) else {
                    diagnostics.emit(Diagnostic(.unknownSlot, "The layout `\(layout.path)` has no slot `\(b.slot.value)`.", at: b.slot.span)
                        .suggesting(b.slot.value, among: slotNames, at: b.slot.span))
                    ok = false
                    continue
                }
                if let s = checkBlock(b) { slots.append(s) } else { ok = false }
            }
            for slot in layoutChecker.slots where !m.blocks.contains(where: { $0.slot.value == slot.value }) {
                diagnostics.emit(Diagnostic(.unfilledSlot, "The message fills no block for the slot `\(slot.value)` of `\(layout.path)`.",
                                            at: layoutName.span).label(slot.span, "The slot `\(slot.value)` is declared here."))
            }
        } else {
            if let first = m.blocks.first {
                diagnostics.emit(Diagnostic(.misplacedBody, "Blocks need a layout whose slots they fill.", at: first.slot.span)
                    .help("Add `layout: layouts/base.html` to the message, or write the body under `html:`."))
                ok = false
            }
            body = template(m.html)
            if m.html != nil && body == nil { ok = false }
        }
        let bodyBuiltins = templates.builtins
        let bodyText = body.map { allText($0.nodes) + slots.map { slotText($0) }.joined() } ?? ""

        let subject = template(m.subject)
        if m.subject != nil && subject == nil { ok = false }
        let preheader = template(m.preheader)
        if m.preheader != nil && preheader == nil { ok = false }
        let text = template(m.text)
        if m.text != nil && text == nil { ok = false }
        diagnostics.merge(templates.diagnostics)
        templates.diagnostics = DiagnosticBag()

        let postal = m.postalAddress?.value ?? settings.postalAddress
        // Compliance problems point at the body: the inline html, or the layout line.
        let bodySpan = m.html?.span ?? m.layout?.span ?? m.span.subspan(offset: 0, length: 0)
        if kind == .marketing, let body {
            if !bodyBuiltins.contains(.unsubscribeURL) {
                diagnostics.emit(Diagnostic(.missingUnsubscribe, "This marketing email has no unsubscribe link.", at: bodySpan)
                    .help("Add `<a href=\"{{ unsubscribe_url }}\">Unsubscribe</a>` to the body or its layout."))
                ok = false
            }
            let printsAddress = bodyBuiltins.contains(.postalAddress) || (postal.map { bodyText.contains($0) } ?? false)
            if postal == nil || !printsAddress {
                diagnostics.emit(Diagnostic(.missingPostalAddress, postal == nil
                        ? "This marketing email needs a postal address, and none is set."
                        : "This marketing email does not show the postal address.", at: bodySpan)
                    .help(postal == nil ? "Set `postal_address` in `herald.yaml`, and print it with `{{ postal_address }}` in the body or layout."
                                        : "Print it with `{{ postal_address }}` in the body or its layout."))
                ok = false
            }
            _ = body
        }
        guard ok, let from, let subject, let body else { return nil }
        return CheckedMessage(from: from, replyTo: m.replyTo?.value, subject: subject, preheader: preheader, body: body,
                              layoutPath: m.layout.map { layouts[$0.value]?.path ?? normalize($0.value) }, slots: slots, text: text,
                              amp: m.amp?.value ?? false, postalAddress: postal,
                              customerFields: templates.customerFields.sorted(), relations: templates.relations.sorted())
    }

    private func normalize(_ path: String) -> String {
        var p = path
        while p.hasPrefix("./") { p.removeFirst(2) }
        return p
    }

    private func allText(_ nodes: [CheckedNode]) -> String {
        nodes.map { node -> String in
            switch node {
            case .text(let s, _): return s
            case .conditional(let c): return c.branches.map { allText($0.body) }.joined() + allText(c.elseBody ?? [])
            case .loop(let l): return allText(l.body)
            case .caseOf(let c): return c.whens.map { allText($0.body) }.joined() + allText(c.elseBody ?? [])
            default: return ""
            }
        }.joined()
    }

    private func slotText(_ s: CheckedSlot) -> String {
        switch s.content {
        case .single(let t): return allText(t.nodes)
        case .alternatives(let a): return a.map { allText($0.template.nodes) }.joined()
        case .loop(let l): return allText(l.template.nodes)
        }
    }

    mutating func checkBlock(_ b: BlockSyntax) -> CheckedSlot? {
        guard let content = b.content else { return nil }
        switch content {
        case .single(let t):
            return template(t).map { CheckedSlot(name: b.slot.value, content: .single($0), span: b.span) }
        case .alternatives(let list):
            var out: [CheckedAlternative] = []
            var ok = true
            for a in list {
                var condition: TypedExpr?
                if let c = a.condition {
                    var checker = ExpressionChecker(schema: schema, resolveSegment: resolveSegment)
                    let t = checker.condition(c, scope: .audience, what: "a block condition")
                    diagnostics.merge(checker.diagnostics)
                    if t.type.isError { ok = false } else { condition = t }
                }
                guard let t = template(a.html) else { ok = false; continue }
                out.append(CheckedAlternative(condition: condition, template: t, span: a.span))
            }
            return ok ? CheckedSlot(name: b.slot.value, content: .alternatives(out), span: b.span) : nil
        case .loop(let l):
            guard let relation = schema.relation(named: l.relation.value) else {
                diagnostics.emit(Diagnostic(.unknownRelation, "The customer has no relation `\(l.relation.value)`.", at: l.relation.span)
                    .suggesting(l.relation.value, among: schema.relations.map(\.name), at: l.relation.span))
                return nil
            }
            templates.relations.insert(relation.name)
            guard let html = l.html else { return nil }
            let before = templates.diagnostics.hasErrors
            let t = templates.check(html, binding: l.variable.value, to: relation)
            let empty = l.empty.map { templates.check($0) }
            if templates.diagnostics.hasErrors && !before { return nil }
            return CheckedSlot(name: b.slot.value, content: .loop(CheckedBlockLoop(variable: l.variable.value, relation: relation,
                                                                                   limit: l.limit.map { Int($0.value) }, template: t, empty: empty)),
                               span: b.span)
        }
    }

    mutating func checkExperiment(_ e: ExperimentSyntax, message: CheckedMessage) -> CheckedExperiment? {
        var ok = true
        var holdout = 0
        if let h = e.holdout {
            let text = h.value.trimmingCharacters(in: .whitespaces)
            if text.hasSuffix("%"), let p = Double(text.dropLast()), p >= 0, p <= 50, (p * 100).rounded() == p * 100 {
                holdout = Int((p * 100).rounded())
            } else {
                diagnostics.emit(Diagnostic(.invalidExperiment, "The holdout must be a percentage from 0% to 50%, not `\(h.value)`.", at: h.span)
                    .help("Write it with a percent sign, as in `holdout: 10%`; precision is 0.01%."))
                ok = false
            }
        }
        if e.variants.isEmpty {
            diagnostics.emit(Diagnostic(.invalidExperiment, "The experiment has no variants.", at: e.span.subspan(offset: 0, length: 0))
                .help("Add at least one variant under `variants:`, each with a `weight`."))
            ok = false
        }
        var variants: [CheckedVariant] = []
        for v in e.variants {
            let weight = Int(v.weight?.value ?? 1)
            if weight <= 0 {
                diagnostics.emit(Diagnostic(.invalidExperiment, "The variant `\(v.name.value)` needs a positive weight.", at: v.weight?.span ?? v.name.span))
                ok = false
            }
            var slots: [CheckedSlot] = []
            for b in v.blocks {
                guard message.slot(named: b.slot.value) != nil || slotNames.contains(b.slot.value) else {
                    diagnostics.emit(Diagnostic(.unknownOverride, "The variant `\(v.name.value)` overrides the block `\(b.slot.value)`, which the message does not have.",
                                                at: b.slot.span).suggesting(b.slot.value, among: slotNames, at: b.slot.span))
                    ok = false
                    continue
                }
                if let s = checkBlock(b) { slots.append(s) } else { ok = false }
            }
            if let f = v.from, !SenderAddress.isValid(f.value) {
                diagnostics.emit(Diagnostic(.invalidSender, "`\(f.value)` is not a sender address.", at: f.span))
                ok = false
            }
            let subject = template(v.subject)
            let preheader = template(v.preheader)
            if (v.subject != nil && subject == nil) || (v.preheader != nil && preheader == nil) { ok = false }
            variants.append(CheckedVariant(name: v.name.value, weight: weight, subject: subject, preheader: preheader, from: v.from?.value, slots: slots))
        }
        diagnostics.merge(templates.diagnostics)
        templates.diagnostics = DiagnosticBag()
        var goal: TypedExpr?
        if let g = e.goal {
            var checker = ExpressionChecker(schema: schema, resolveSegment: resolveSegment)
            let t = checker.condition(g, scope: .audience, what: "the experiment goal")
            diagnostics.merge(checker.diagnostics)
            if t.type.isError { ok = false } else { goal = t }
        }
        guard ok, let id = e.id else { return nil }
        return CheckedExperiment(id: id.value, holdoutBuckets: holdout, variants: variants, goal: goal, span: e.span)
    }
}
