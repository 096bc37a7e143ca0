import HeraldDiagnostics
import HeraldSource
import HeraldYAML

/// `message:`: sender, subject, preheader, body (inline `html` or a `layout` with `blocks`), text and AMP.
public struct MessageSyntax: Sendable {
    public var from: Located<String>?
    public var replyTo: Located<String>?
    public var subject: Template?
    public var preheader: Template?
    public var layout: Located<String>?
    public var html: Template?
    public var text: Template?
    public var blocks: [BlockSyntax] = []
    public var amp: Located<Bool>?
    public var postalAddress: Located<String>?
    public var span: Span

    public static let keys = ["from", "reply_to", "subject", "preheader", "layout", "html", "text", "blocks", "amp", "postal_address"]

    static func read(_ node: YAMLNode, limits: SyntaxLimits, diagnostics: inout DiagnosticBag) -> MessageSyntax? {
        guard let m = MappingReader(node, context: "`message`", keys: keys, diagnostics: &diagnostics) else { return nil }
        var msg = MessageSyntax(span: node.span)
        m.require("subject", help: "Give the email a subject: `subject: \"Your cart is waiting\"`.", diagnostics: &diagnostics)
        if !m.has("html") && !m.has("layout") {
            diagnostics.emit(Diagnostic(.missingKey, "`message` has neither `html` nor `layout`.", at: m.firstLine)
                .help("Write the body inline under `html:`, or name a layout file under `layout:` and fill its slots under `blocks:`."))
        }
        msg.from = m.scalar("from", diagnostics: &diagnostics)
        msg.replyTo = m.scalar("reply_to", diagnostics: &diagnostics)
        msg.subject = template(m, "subject", limits: limits, diagnostics: &diagnostics)
        msg.preheader = template(m, "preheader", limits: limits, diagnostics: &diagnostics)
        msg.layout = m.scalar("layout", diagnostics: &diagnostics)
        msg.html = template(m, "html", limits: limits, diagnostics: &diagnostics)
        msg.text = template(m, "text", limits: limits, diagnostics: &diagnostics)
        msg.blocks = BlockSyntax.readAll(m, limits: limits, diagnostics: &diagnostics)
        msg.amp = m.bool("amp", diagnostics: &diagnostics)
        msg.postalAddress = m.scalar("postal_address", diagnostics: &diagnostics)
        m.reportUnknownKeys(diagnostics: &diagnostics)
        return msg
    }

    /// Parses the template under `key`, if present.
    static func template(_ m: MappingReader, _ key: String, limits: SyntaxLimits, diagnostics: inout DiagnosticBag) -> Template? {
        guard let text = m.text(key, diagnostics: &diagnostics) else { return nil }
        let (t, d) = TemplateParser.parse(text, limits: limits.template)
        diagnostics.merge(d)
        return t
    }
}

/// What fills one slot of a layout: alternatives chosen by `when:`, a loop over a relation, or one template.
public struct BlockSyntax: Sendable {
    public enum Content: Sendable {
        case single(Template)
        case alternatives([BlockAlternativeSyntax])
        case loop(BlockLoopSyntax)
    }

    public var slot: Located<String>
    public var content: Content?
    public var span: Span

    static func readAll(_ m: MappingReader, limits: SyntaxLimits, diagnostics: inout DiagnosticBag) -> [BlockSyntax] {
        (m.entries("blocks", diagnostics: &diagnostics) ?? []).compactMap { read($0, limits: limits, diagnostics: &diagnostics) }
    }

    static func read(_ pair: YAMLPair, limits: SyntaxLimits, diagnostics: inout DiagnosticBag) -> BlockSyntax? {
        let slot = Located(pair.keyText, pair.key.span)
        Names.check(slot, what: "slot", diagnostics: &diagnostics)
        var b = BlockSyntax(slot: slot, span: pair.key.span.union(pair.value.span))
        let v = pair.value
        if let s = v.scalar {
            let (t, d) = TemplateParser.parse(LocatedText(scalar: s, node: v), limits: limits.template)
            diagnostics.merge(d)
            b.content = t.map { .single($0) }
        } else if let items = v.items {
            var alternatives: [BlockAlternativeSyntax] = []
            for (index, item) in items.enumerated() {
                guard let a = BlockAlternativeSyntax.read(item, limits: limits, diagnostics: &diagnostics) else { continue }
                if a.condition == nil && index != items.count - 1 {
                    diagnostics.emit(Diagnostic(.invalidValue, "`otherwise` must be the last alternative of the block `\(slot.value)`.", at: item.span)
                        .help("Alternatives are tried in order; the ones after `otherwise` could never be chosen."))
                }
                alternatives.append(a)
            }
            b.content = .alternatives(alternatives)
        } else if v.pairs != nil {
            guard let loop = BlockLoopSyntax.read(v, limits: limits, diagnostics: &diagnostics) else { return b }
            b.content = .loop(loop)
        }
        return b
    }
}

/// `- when: segment.loyal` / `html: …`, or `- otherwise:` / `html: …`.
public struct BlockAlternativeSyntax: Sendable {
    /// Nil for `otherwise`.
    public var condition: Expr?
    public var html: Template?
    public var span: Span

    static func read(_ node: YAMLNode, limits: SyntaxLimits, diagnostics: inout DiagnosticBag) -> BlockAlternativeSyntax? {
        guard let m = MappingReader(node, context: "a block alternative", keys: ["when", "otherwise", "html"], diagnostics: &diagnostics) else { return nil }
        var a = BlockAlternativeSyntax(span: node.span)
        if m.has("when") == m.has("otherwise") {
            diagnostics.emit(Diagnostic(.missingKey, "A block alternative needs either `when:` or `otherwise:`.", at: m.firstLine)
                .help("Write `- when: CONDITION` for a conditional alternative, or `- otherwise:` for the fallback."))
        }
        m.require("html", help: "Give the alternative's content under `html:`.", diagnostics: &diagnostics)
        if let text = m.text("when", diagnostics: &diagnostics) {
            let (e, d) = ExpressionParser.parse(text, limits: limits.expression)
            diagnostics.merge(d)
            a.condition = e
        } else if !m.has("otherwise") {
            a.condition = Expr(.invalid, node.span)
        }
        a.html = MessageSyntax.template(m, "html", limits: limits, diagnostics: &diagnostics)
        m.reportUnknownKeys(diagnostics: &diagnostics)
        return a
    }
}

/// `for: rec in customer.recommendations limit 3` with `html:` (and optional `empty:`).
public struct BlockLoopSyntax: Sendable {
    public var variable: Located<String>
    public var relation: Located<String>
    public var limit: Located<Int64>?
    public var html: Template?
    public var empty: Template?
    public var span: Span

    static func read(_ node: YAMLNode, limits: SyntaxLimits, diagnostics: inout DiagnosticBag) -> BlockLoopSyntax? {
        guard let m = MappingReader(node, context: "a loop block", keys: ["for", "html", "empty"], diagnostics: &diagnostics) else { return nil }
        m.require("for", help: "Write `for: rec in customer.recommendations limit 3`.", diagnostics: &diagnostics)
        m.require("html", help: "Give the content repeated for each item under `html:`.", diagnostics: &diagnostics)
        defer { m.reportUnknownKeys(diagnostics: &diagnostics) }
        guard let header = m.text("for", diagnostics: &diagnostics) else { return nil }
        // `VAR in customer.RELATION [limit N]`, with offsets kept for spans.
        var words: [(String, Int, Int)] = []
        var start: Int?
        let bytes = Array(header.text.utf8)
        for i in 0...bytes.count {
            let b: UInt8 = i < bytes.count ? bytes[i] : 0x20
            let space = b == 0x20 || b == 0x09 || b == 0x3A
            if space, let s = start { words.append((String(decoding: bytes[s..<i], as: UTF8.self), s, i)); start = nil }
            if !space && start == nil { start = i }
        }
        let ok = (words.count == 3 || (words.count == 5 && words[3].0 == "limit")) && words[1].0 == "in"
            && words[2].0.hasPrefix("customer.")
        guard ok else {
            diagnostics.emit(Diagnostic(.invalidValue, "`for` must read `ITEM in customer.RELATION`, optionally followed by `limit N`.", at: header.span)
                .help("For example `for: rec in customer.recommendations limit 3`."))
            return nil
        }
        let variable = Located(words[0].0, header.span(words[0].1, words[0].2))
        Names.check(variable, what: "loop variable", diagnostics: &diagnostics)
        let relationName = String(words[2].0.dropFirst("customer.".count))
        let relation = Located(relationName, header.span(words[2].1 + "customer.".count, words[2].2))
        var limit: Located<Int64>?
        if words.count == 5 {
            let lspan = header.span(words[4].1, words[4].2)
            if let n = Int64(words[4].0), n >= 1, n <= 100 { limit = Located(n, lspan) } else {
                diagnostics.emit(Diagnostic(.invalidValue, "The loop limit must be a whole number from 1 to 100, not `\(words[4].0)`.", at: lspan))
            }
        }
        return BlockLoopSyntax(variable: variable, relation: relation, limit: limit,
                               html: MessageSyntax.template(m, "html", limits: limits, diagnostics: &diagnostics),
                               empty: MessageSyntax.template(m, "empty", limits: limits, diagnostics: &diagnostics), span: node.span)
    }
}
