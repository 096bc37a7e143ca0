import HeraldDiagnostics
import HeraldSource
import HeraldYAML

/// A file in `segments/`: a named, reusable audience rule.
public struct SegmentSyntax: Sendable {
    public var name: Located<String>?
    public var description: Located<String>?
    public var owner: Located<String>?
    public var rule: Expr?
    public var span: Span

    public static let keys = ["segment", "description", "owner", "where"]

    public static func read(_ root: YAMLNode, limits: ExpressionLimits, diagnostics: inout DiagnosticBag) -> SegmentSyntax {
        var s = SegmentSyntax(span: root.span)
        guard let m = MappingReader(root, context: "a segment file", keys: keys, diagnostics: &diagnostics) else { return s }
        m.require("segment", help: "Name the segment: `segment: loyal`; campaigns refer to it as `segment.loyal`.", diagnostics: &diagnostics)
        m.require("where", help: "Give the rule that selects the segment's customers, as in `where: count(purchase_completed within 90d) >= 2`.",
                  diagnostics: &diagnostics)
        s.name = m.scalar("segment", diagnostics: &diagnostics)
        if let n = s.name { Names.check(n, what: "segment", diagnostics: &diagnostics) }
        s.description = m.scalar("description", diagnostics: &diagnostics)
        s.owner = m.scalar("owner", diagnostics: &diagnostics)
        if let text = m.text("where", diagnostics: &diagnostics) {
            let (e, d) = ExpressionParser.parse(text, limits: limits)
            diagnostics.merge(d)
            s.rule = e
        }
        m.reportUnknownKeys(diagnostics: &diagnostics)
        return s
    }

    init(span: Span) { self.span = span }
}
