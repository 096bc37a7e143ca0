import HeraldDiagnostics
import HeraldSource
import HeraldYAML

/// A file in `campaigns/`: who receives what, when, how often, and which experiment runs.
public struct CampaignSyntax: Sendable {
    public var name: Located<String>?
    public var description: Located<String>?
    public var owner: Located<String>?
    public var kind: Located<String>?
    public var audience: Expr?
    public var audienceSpan: Span?
    public var trigger: TriggerSyntax?
    public var frequencyCap: Located<String>?
    public var quietHours: QuietHoursSyntax?
    public var message: MessageSyntax?
    public var experiment: ExperimentSyntax?
    public var span: Span

    public static let keys = ["campaign", "description", "owner", "kind", "audience", "trigger", "frequency_cap", "quiet_hours",
                              "message", "experiment"]

    public static func read(_ root: YAMLNode, limits: SyntaxLimits, diagnostics: inout DiagnosticBag) -> CampaignSyntax {
        var c = CampaignSyntax(span: root.span)
        guard let m = MappingReader(root, context: "a campaign file", keys: keys, diagnostics: &diagnostics) else { return c }
        m.require("campaign", help: "Name the campaign: `campaign: cart-recovery`.", diagnostics: &diagnostics)
        m.require("kind", help: "Say whether this is `kind: marketing` (needs consent and an unsubscribe link) or `kind: transactional`.",
                  diagnostics: &diagnostics)
        m.require("message", help: "Describe the email under `message:` (subject and body).", diagnostics: &diagnostics)
        c.name = m.scalar("campaign", diagnostics: &diagnostics)
        if let n = c.name { Names.check(n, what: "campaign", allowDash: true, diagnostics: &diagnostics) }
        c.description = m.scalar("description", diagnostics: &diagnostics)
        c.owner = m.scalar("owner", diagnostics: &diagnostics)
        c.kind = m.choice("kind", ["marketing", "transactional"], diagnostics: &diagnostics)
        if let a = m.node("audience"),
           let am = MappingReader(a, context: "`audience`", keys: ["where"], diagnostics: &diagnostics) {
            am.require("where", help: "Give the rule: `where: segment.loyal`.", diagnostics: &diagnostics)
            if let text = am.text("where", diagnostics: &diagnostics) {
                let (e, d) = ExpressionParser.parse(text, limits: limits.expression)
                diagnostics.merge(d)
                c.audience = e
            }
            c.audienceSpan = a.span
            am.reportUnknownKeys(diagnostics: &diagnostics)
        }
        if let t = m.node("trigger") { c.trigger = TriggerSyntax.read(t, limits: limits, diagnostics: &diagnostics) }
        c.frequencyCap = m.scalar("frequency_cap", diagnostics: &diagnostics)
        if let q = m.node("quiet_hours") { c.quietHours = QuietHoursSyntax.read(q, diagnostics: &diagnostics) }
        if let msg = m.node("message") { c.message = MessageSyntax.read(msg, limits: limits, diagnostics: &diagnostics) }
        if let e = m.node("experiment") { c.experiment = ExperimentSyntax.read(e, limits: limits, diagnostics: &diagnostics) }
        m.reportUnknownKeys(diagnostics: &diagnostics)
        return c
    }

    init(span: Span) { self.span = span }
}

/// `trigger:`: an event (`on:`), a one-off time (`once:`) or a schedule (`every:`).
public struct TriggerSyntax: Sendable {
    public var on: Located<String>?
    public var filter: Expr?
    public var delay: Located<Interval>?
    public var exitIf: [Located<String>] = []
    public var reentry: Located<String>?
    public var once: Located<String>?
    public var every: Located<String>?
    public var day: Located<String>?
    public var at: Located<String>?
    public var timezone: Located<String>?
    public var span: Span

    public static let keys = ["on", "where", "delay", "exit_if", "reentry", "once", "every", "day", "at", "timezone"]

    static func read(_ node: YAMLNode, limits: SyntaxLimits, diagnostics: inout DiagnosticBag) -> TriggerSyntax? {
        guard let m = MappingReader(node, context: "`trigger`", keys: keys, diagnostics: &diagnostics) else { return nil }
        var t = TriggerSyntax(span: node.span)
        t.on = m.scalar("on", diagnostics: &diagnostics)
        if let text = m.text("where", diagnostics: &diagnostics) {
            let (e, d) = ExpressionParser.parse(text, limits: limits.expression)
            diagnostics.merge(d)
            t.filter = e
        }
        t.delay = m.duration("delay", diagnostics: &diagnostics)
        for item in m.list("exit_if", diagnostics: &diagnostics) ?? [] {
            if let s = item.scalar { t.exitIf.append(Located(s.value, item.span)) } else {
                diagnostics.emit(Diagnostic(.wrongNodeKind, "`exit_if` lists event names, not \(item.shapeDescription).", at: item.span))
            }
        }
        t.reentry = m.scalar("reentry", diagnostics: &diagnostics)
        t.once = m.scalar("once", diagnostics: &diagnostics)
        t.every = m.choice("every", ["day", "week"], diagnostics: &diagnostics)
        t.day = m.choice("day", ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"], diagnostics: &diagnostics)
        t.at = m.scalar("at", diagnostics: &diagnostics)
        t.timezone = m.scalar("timezone", diagnostics: &diagnostics)
        let kinds = [("on", t.on != nil), ("once", t.once != nil), ("every", t.every != nil)].filter(\.1).map(\.0)
        if kinds.count != 1 {
            diagnostics.emit(Diagnostic(kinds.isEmpty ? .missingKey : .invalidValue,
                kinds.isEmpty ? "`trigger` needs `on` (an event), `once` (a time) or `every` (a schedule)."
                              : "`trigger` has both \(Suggestions.list(kinds, conjunction: "and")); choose one.",
                at: m.firstLine))
        }
        m.reportUnknownKeys(diagnostics: &diagnostics)
        return t
    }
}

/// `experiment:`: a holdout, weighted variants that override parts of the message, and a goal.
public struct ExperimentSyntax: Sendable {
    public var id: Located<String>?
    public var holdout: Located<String>?
    public var variants: [VariantSyntax] = []
    public var goal: Expr?
    public var span: Span

    static func read(_ node: YAMLNode, limits: SyntaxLimits, diagnostics: inout DiagnosticBag) -> ExperimentSyntax? {
        guard let m = MappingReader(node, context: "`experiment`", keys: ["id", "holdout", "variants", "goal"], diagnostics: &diagnostics) else { return nil }
        var e = ExperimentSyntax(span: node.span)
        m.require("id", help: "Give the experiment an id (the salt of the assignment hash): `id: cart-subject-2026-11`.", diagnostics: &diagnostics)
        m.require("variants", help: "List the variants under `variants:`, each with a `weight`.", diagnostics: &diagnostics)
        e.id = m.scalar("id", diagnostics: &diagnostics)
        if let id = e.id { Names.check(id, what: "experiment", allowDash: true, diagnostics: &diagnostics) }
        e.holdout = m.scalar("holdout", diagnostics: &diagnostics)
        for pair in m.entries("variants", diagnostics: &diagnostics) ?? [] {
            if let v = VariantSyntax.read(pair, limits: limits, diagnostics: &diagnostics) { e.variants.append(v) }
        }
        if let text = m.text("goal", diagnostics: &diagnostics) {
            let (g, d) = ExpressionParser.parse(text, limits: limits.expression)
            diagnostics.merge(d)
            e.goal = g
        }
        m.reportUnknownKeys(diagnostics: &diagnostics)
        return e
    }
}

/// One arm of an experiment and what it changes in the message.
public struct VariantSyntax: Sendable {
    public var name: Located<String>
    public var weight: Located<Int64>?
    public var subject: Template?
    public var preheader: Template?
    public var from: Located<String>?
    public var blocks: [BlockSyntax] = []
    public var span: Span

    public static let keys = ["weight", "subject", "preheader", "from", "blocks"]

    static func read(_ pair: YAMLPair, limits: SyntaxLimits, diagnostics: inout DiagnosticBag) -> VariantSyntax? {
        let name = Located(pair.keyText, pair.key.span)
        Names.check(name, what: "variant", diagnostics: &diagnostics)
        var v = VariantSyntax(name: name, span: pair.key.span.union(pair.value.span))
        if let s = pair.value.scalar, s.isNull { return v }
        guard let m = MappingReader(pair.value, context: "the variant `\(name.value)`", keys: keys, diagnostics: &diagnostics) else { return nil }
        v.weight = m.integer("weight", range: 0...1_000_000, diagnostics: &diagnostics)
        v.subject = MessageSyntax.template(m, "subject", limits: limits, diagnostics: &diagnostics)
        v.preheader = MessageSyntax.template(m, "preheader", limits: limits, diagnostics: &diagnostics)
        v.from = m.scalar("from", diagnostics: &diagnostics)
        v.blocks = BlockSyntax.readAll(m, limits: limits, diagnostics: &diagnostics)
        m.reportUnknownKeys(diagnostics: &diagnostics)
        return v
    }
}
