import HeraldChecker
import HeraldDiagnostics
import HeraldSchema
import HeraldSource

/// The email phase: `CheckedCampaign` in, `CompiledMessage` out.
///
/// Decides every output's escaping, then renders every combination a recipient can receive
/// (arm × block alternative) with sample values and validates the HTML in context.
public enum MessageCompiler {
    /// `sources` lets diagnostics in rendered HTML point at exact columns of the files; `layouts`
    /// shares each layout's compiled program between the campaigns of one compilation.
    public static func compile(_ c: CheckedCampaign, schema: Schema, sources: SourceManager? = nil,
                               layouts: CompiledLayouts = CompiledLayouts()) -> (CompiledMessage?, DiagnosticBag) {
        var diagnostics = DiagnosticBag()
        let m = c.message
        let sharedLayout = m.layoutPath != nil

        func plain(_ t: CheckedTemplate?) -> [RenderNode]? {
            guard let t else { return nil }
            var b = RenderProgramBuilder(html: false)
            let nodes = b.build(t)
            diagnostics.merge(b.diagnostics)
            return nodes
        }

        let variantPreheader = c.experiment?.variants.contains { $0.preheader != nil } ?? false
        let withPreheader = m.preheader != nil || variantPreheader
        let body = layouts.layout(m.body, preheader: withPreheader, shared: sharedLayout)
        diagnostics.merge(body.diagnostics)
        let slotStates = body.slotStates

        func compileSlot(_ s: CheckedSlot, column: String?) -> CompiledSlot {
            let start = slotStates[s.name] ?? HTMLContextScanner()
            switch s.content {
            case .single(let t):
                var b = RenderProgramBuilder(html: true, startingIn: start)
                let nodes = b.build(t)
                diagnostics.merge(b.diagnostics)
                return CompiledSlot(name: s.name, column: nil, alternatives: [nodes], loop: nil)
            case .alternatives(let alts):
                var out: [[RenderNode]] = []
                for a in alts {
                    var b = RenderProgramBuilder(html: true, startingIn: start)
                    out.append(b.build(a.template))
                    diagnostics.merge(b.diagnostics)
                }
                return CompiledSlot(name: s.name, column: column, alternatives: out, loop: nil)
            case .loop(let l):
                var b = RenderProgramBuilder(html: true, startingIn: start)
                let body = b.build(l.template)
                let empty = l.empty.map { b.build($0) }
                diagnostics.merge(b.diagnostics)
                let loop = RenderLoop(variable: l.variable, relation: l.relation.name, collection: nil,
                                      limit: l.limit.map { .literal(.int(Int64($0))) }, offset: nil, reversed: false, body: body, elseBody: empty)
                return CompiledSlot(name: s.name, column: nil, alternatives: [], loop: loop)
            }
        }

        let slots = m.slots.map { s -> CompiledSlot in
            let hasChoice: Bool
            if case .alternatives = s.content { hasChoice = true } else { hasChoice = false }
            return compileSlot(s, column: hasChoice ? "herald_block_\(s.name)" : nil)
        }
        var variants: [CompiledVariant] = []
        for v in c.experiment?.variants ?? [] {
            let vslots = v.slots.map { s -> CompiledSlot in
                let hasChoice: Bool
                if case .alternatives = s.content { hasChoice = true } else { hasChoice = false }
                return compileSlot(s, column: hasChoice ? "herald_block_\(s.name)__\(v.name)" : nil)
            }
            variants.append(CompiledVariant(name: v.name, weight: v.weight, subject: plain(v.subject), preheader: plain(v.preheader),
                                            from: v.from, slots: vslots))
        }
        // The preheader becomes hidden text after `<body>`, through a slot arms can override.
        let preheader = plain(m.preheader)
        var allSlots = slots
        if withPreheader {
            allSlots.append(CompiledSlot(name: PreheaderSlot.name, column: nil, alternatives: [preheader.map(PreheaderSlot.content) ?? []], loop: nil))
            for i in variants.indices {
                guard let p = variants[i].preheader else { continue }
                variants[i].slots.append(CompiledSlot(name: PreheaderSlot.name, column: nil, alternatives: [PreheaderSlot.content(p)], loop: nil))
            }
        }
        var message = CompiledMessage(campaign: c.name, kind: c.kind, from: m.from, replyTo: m.replyTo, subject: plain(m.subject) ?? [],
                                      preheader: preheader, html: body.html, text: plain(m.text), slots: allSlots, variants: variants,
                                      amp: m.amp, fields: m.customerFields, relations: m.relations, postalAddress: m.postalAddress)
        if sharedLayout { message.sharedLayout = SharedLayout(span: m.body.span, preheader: withPreheader) }
        if diagnostics.hasErrors { return (nil, diagnostics) }
        if m.amp {
            message = AMPGenerator.add(to: message, document: layouts.ampDocument(m.body, preheader: withPreheader, html: body.html, shared: sharedLayout))
        }
        diagnostics.merge(MessageValidator.validate(message, schema: schema, fallback: c.message.body.span, subject: c.message.subject.span, sources: sources,
                                                     skeletons: layouts.skeletons, verdicts: layouts.verdicts))
        return (message, diagnostics)
    }
}

/// The HTML state at each `{{ blocks.NAME }}` of a layout, so blocks are compiled in context.
enum SlotContexts {
    static func states(of t: CheckedTemplate) -> [String: HTMLContextScanner] {
        var scanner = HTMLContextScanner()
        var out: [String: HTMLContextScanner] = [:]
        func walk(_ nodes: [CheckedNode]) {
            for n in nodes {
                switch n {
                case .text(let s, _): scanner.feed(s)
                case .slot(let name, _): out[name] = scanner
                case .output: _ = scanner.output()
                case .conditional(let c):
                    let start = scanner
                    for b in c.branches { scanner = start; walk(b.body) }
                    if let e = c.elseBody { scanner = start; walk(e) }
                case .caseOf(let c):
                    let start = scanner
                    for w in c.whens { scanner = start; walk(w.body) }
                    if let e = c.elseBody { scanner = start; walk(e) }
                case .loop(let l):
                    walk(l.body)
                case .assign:
                    break
                }
            }
        }
        walk(t.nodes)
        return out
    }
}
