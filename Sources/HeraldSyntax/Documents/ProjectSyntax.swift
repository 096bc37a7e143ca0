import HeraldDiagnostics
import HeraldSource
import HeraldYAML

/// `herald.yaml`: project name, SQL targets, time zone, sender defaults, caps and limits.
public struct ProjectSyntax: Sendable {
    public var name: Located<String>?
    public var targets: [Located<String>] = []
    public var timezone: Located<String>?
    public var from: Located<String>?
    public var postalAddress: Located<String>?
    public var frequencyCap: Located<String>?
    public var quietHours: QuietHoursSyntax?
    public var limits: [String: Located<Int64>] = [:]
    public var span: Span

    public static let keys = ["project", "targets", "timezone", "from", "postal_address", "frequency_cap", "quiet_hours", "limits"]
    public static let limitKeys = [
        "file_bytes", "yaml_nodes", "yaml_depth", "scalar_bytes", "expression_depth", "expression_terms",
        "template_depth", "template_nodes", "html_bytes",
    ]

    public init(span: Span) { self.span = span }

    public static func read(_ root: YAMLNode, diagnostics: inout DiagnosticBag) -> ProjectSyntax {
        var p = ProjectSyntax(span: root.span)
        guard let m = MappingReader(root, context: "`herald.yaml`", keys: keys, diagnostics: &diagnostics) else { return p }
        m.require("project", help: "Name the project: `project: shop`.", diagnostics: &diagnostics)
        p.name = m.scalar("project", diagnostics: &diagnostics)
        if let name = p.name { Names.check(name, what: "project", allowDash: true, diagnostics: &diagnostics) }
        for item in m.list("targets", diagnostics: &diagnostics) ?? [] {
            if let s = item.scalar { p.targets.append(Located(s.value, item.span)) } else {
                diagnostics.emit(Diagnostic(.wrongNodeKind, "Each target must be a dialect name, not \(item.shapeDescription).", at: item.span))
            }
        }
        p.timezone = m.scalar("timezone", diagnostics: &diagnostics)
        p.from = m.scalar("from", diagnostics: &diagnostics)
        p.postalAddress = m.scalar("postal_address", diagnostics: &diagnostics)
        p.frequencyCap = m.scalar("frequency_cap", diagnostics: &diagnostics)
        if let q = m.node("quiet_hours") { p.quietHours = QuietHoursSyntax.read(q, diagnostics: &diagnostics) }
        if let limits = m.node("limits"), let lm = MappingReader(limits, context: "`limits`", keys: limitKeys, diagnostics: &diagnostics) {
            for key in limitKeys where lm.has(key) {
                if let v = lm.integer(key, range: 1...Int64(Int32.max), diagnostics: &diagnostics) { p.limits[key] = v }
            }
            lm.reportUnknownKeys(diagnostics: &diagnostics)
        }
        m.reportUnknownKeys(diagnostics: &diagnostics)
        return p
    }
}

/// `quiet_hours: { from: "21:00", to: "08:00", policy: defer }`.
public struct QuietHoursSyntax: Sendable {
    public var from: Located<String>?
    public var to: Located<String>?
    public var policy: Located<String>?
    public var span: Span

    public static func read(_ node: YAMLNode, diagnostics: inout DiagnosticBag) -> QuietHoursSyntax? {
        guard let m = MappingReader(node, context: "`quiet_hours`", keys: ["from", "to", "policy"], diagnostics: &diagnostics) else { return nil }
        m.require("from", help: "Give the start of the quiet hours, as in `from: \"21:00\"`.", diagnostics: &diagnostics)
        m.require("to", help: "Give the end of the quiet hours, as in `to: \"08:00\"`.", diagnostics: &diagnostics)
        let q = QuietHoursSyntax(from: m.scalar("from", diagnostics: &diagnostics), to: m.scalar("to", diagnostics: &diagnostics),
                                 policy: m.choice("policy", ["defer", "skip"], diagnostics: &diagnostics), span: node.span)
        m.reportUnknownKeys(diagnostics: &diagnostics)
        return q
    }
}
