import HeraldDiagnostics
import HeraldSource
import HeraldSupport

/// Parses Herald's Liquid subset into a `Template`.
///
/// Block tags are matched with an explicit stack rather than recursion, so a hostile template
/// nested thousands of tags deep is refused at the limit without touching the call stack.
public struct TemplateParser {
    private enum Block {
        case conditional(negated: Bool, branches: [(LiquidExpr, [TemplateNode])], condition: LiquidExpr, inElse: Bool,
                         elseBody: [TemplateNode], start: Int, tag: String)
        case caseOf(subject: LiquidExpr, whens: [([LiquidExpr], [TemplateNode])], current: [LiquidExpr]?, inElse: Bool,
                    elseBody: [TemplateNode], start: Int)
        case loop(variable: Located<String>, collection: LiquidExpr, limit: LiquidExpr?, offset: LiquidExpr?, reversed: Bool,
                  body: [TemplateNode], inElse: Bool, elseBody: [TemplateNode], start: Int)

        var opener: String {
            switch self {
            case .conditional(_, _, _, _, _, _, let tag): return tag
            case .caseOf: return "case"
            case .loop: return "for"
            }
        }
    }

    private struct Failure: Error {}

    private let source: LocatedText
    private let bytes: [UInt8]
    private let limits: TemplateLimits
    private var i = 0
    private var stack: [(Block, [TemplateNode])] = []
    private var current: [TemplateNode] = []
    private var nodeCount = 0
    private var trimNextText = false
    private var diagnostics: [Diagnostic] = []

    public static func parse(_ source: LocatedText, limits: TemplateLimits = .standard) -> (Template?, [Diagnostic]) {
        var p = TemplateParser(source: source, limits: limits)
        do {
            try p.run()
            return (Template(nodes: p.current, span: source.span), p.diagnostics)
        } catch {
            return (nil, p.diagnostics)
        }
    }

    private init(source: LocatedText, limits: TemplateLimits) {
        self.source = source
        self.bytes = Array(source.text.utf8)
        self.limits = limits
    }

    private mutating func report(_ message: String, _ start: Int, _ end: Int, help: String? = nil) -> Failure {
        diagnostics.append(Diagnostic(.templateSyntax, message, at: source.span(start, max(end, start + 1))).help(help))
        return Failure()
    }

    /// The next `{{` or `{%` at or after `from`, in one scan: looking for each on its own
    /// scanned the rest of the template for a tag after every output, quadratic in outputs.
    private func findOpening(from: Int) -> Int? {
        var j = from
        while let brace = bytes.firstIndex(of: UInt8(ascii: "{"), from: j), brace + 1 < bytes.count {
            if bytes[brace + 1] == UInt8(ascii: "{") || bytes[brace + 1] == UInt8(ascii: "%") { return brace }
            j = brace + 1
        }
        return nil
    }

    private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    private mutating func appendText(_ start: Int, _ end: Int, trimRight: Bool) {
        var s = start, e = end
        if trimNextText { while s < e && isSpace(bytes[s]) { s += 1 } }
        if trimRight { while e > s && isSpace(bytes[e - 1]) { e -= 1 } }
        trimNextText = false
        if s < e { current.append(.text(String(decoding: bytes[s..<e], as: UTF8.self), source.span(s, e))) }
    }

    private mutating func count(_ at: Int) throws(Failure) {
        nodeCount += 1
        if nodeCount > limits.maxNodes {
            diagnostics.append(Diagnostic(.templateTooLarge, "The template has more than \(limits.maxNodes) outputs and tags.",
                                          at: source.span(at, at + 2))
                .help("Raise `limits.template_nodes` in `herald.yaml` if the template is legitimate."))
            throw Failure()
        }
    }

    private mutating func run() throws(Failure) {
        while i < bytes.count {
            guard let open = findOpening(from: i) else {
                appendText(i, bytes.count, trimRight: false)
                i = bytes.count
                break
            }
            let isOutput = bytes[open + 1] == UInt8(ascii: "{")
            let trimLeft = open + 2 < bytes.count && bytes[open + 2] == UInt8(ascii: "-")
            appendText(i, open, trimRight: trimLeft)
            let closer: StaticString = isOutput ? "}}" : "%}"
            guard let close = bytes.firstIndex(of: closer, from: open + 2) else {
                throw report("The `\(isOutput ? "{{" : "{%")` is never closed.", open, open + 2, help: "Add `\(closer)`.")
            }
            let trimRight = close > open + 2 && bytes[close - 1] == UInt8(ascii: "-")
            let innerStart = open + 2 + (trimLeft ? 1 : 0)
            let innerEnd = max(innerStart, close - (trimRight ? 1 : 0))
            i = close + 2
            try count(open)
            if isOutput {
                try output(innerStart, innerEnd, open: open, close: close + 2)
            } else {
                try tag(innerStart, innerEnd, open: open, close: close + 2)
            }
            trimNextText = trimRight
        }
        if let (block, _) = stack.last {
            let start: Int
            switch block {
            case .conditional(_, _, _, _, _, let s, _), .caseOf(_, _, _, _, _, let s), .loop(_, _, _, _, _, _, _, _, let s): start = s
            }
            throw report("`{% \(block.opener) %}` is never closed.", start, start + 2, help: "Add `{% end\(block.opener) %}`.")
        }
    }

    private mutating func expressionParser(_ s: Int, _ e: Int) throws(Failure) -> LiquidExpressionParser {
        do {
            return try LiquidExpressionParser(source: source, bytes: bytes[s..<e], start: s)
        } catch {
            throw report(error.message, error.start, error.end, help: error.help)
        }
    }

    private mutating func output(_ s: Int, _ e: Int, open: Int, close: Int) throws(Failure) {
        var p = try expressionParser(s, e)
        if p.atEnd { throw report("The output `{{ }}` is empty.", open, close, help: "Write a variable such as `{{ customer.first_name | default: \"there\" }}`.") }
        do {
            current.append(.output(try p.output(span: source.span(open, close))))
        } catch {
            throw report(error.message, error.start, error.end, help: error.help)
        }
    }

    private mutating func tag(_ s: Int, _ e: Int, open: Int, close: Int) throws(Failure) {
        var p = try expressionParser(s, e)
        guard p.peek.kind == .identifier else {
            if p.atEnd { throw report("The tag `{% %}` is empty.", open, close) }
            throw report("Expected a tag name, found `\(p.peek.text)`.", p.peek.start, p.peek.end)
        }
        let nameToken = p.advance()
        let name = nameToken.text
        do {
            try dispatch(name, &p, nameStart: nameToken.start, open: open, close: close)
        } catch let f as LiquidExpressionParser.Failure {
            throw report(f.message, f.start, f.end, help: f.help)
        } catch {
            throw Failure()
        }
    }

    private mutating func push(_ block: Block, at open: Int) throws(Failure) {
        if stack.count >= limits.maxDepth {
            diagnostics.append(Diagnostic(.templateTooDeep, "Tags are nested more than \(limits.maxDepth) levels deep.", at: source.span(open, open + 2))
                .help("Raise `limits.template_depth` in `herald.yaml` if the template is legitimate."))
            throw Failure()
        }
        stack.append((block, current))
        current = []
    }

    private mutating func dispatch(_ name: String, _ p: inout LiquidExpressionParser, nameStart: Int, open: Int, close: Int) throws {
        let tagSpan = source.span(open, close)
        switch name {
        case "if", "unless":
            let c = try p.condition()
            try p.expectEnd("after the condition")
            try push(.conditional(negated: name == "unless", branches: [], condition: c, inElse: false, elseBody: [], start: open, tag: name), at: open)
        case "elsif":
            guard case (.conditional(let neg, var branches, let cond, let inElse, _, let start, let tag), let outer)? = stack.last else {
                throw report("`{% elsif %}` is outside an `{% if %}`.", open, close)
            }
            if inElse { throw report("`{% elsif %}` cannot follow `{% else %}`.", open, close) }
            branches.append((cond, current))
            let c = try p.condition()
            try p.expectEnd("after the condition")
            stack[stack.count - 1] = (.conditional(negated: neg, branches: branches, condition: c, inElse: false, elseBody: [], start: start, tag: tag), outer)
            current = []
        case "when":
            guard case (.caseOf(let subject, var whens, let cur, let inElse, _, let start), let outer)? = stack.last else {
                throw report("`{% when %}` is outside a `{% case %}`.", open, close)
            }
            if inElse { throw report("`{% when %}` cannot follow `{% else %}`.", open, close) }
            if let cur { whens.append((cur, current)) }
            var values = [try p.operand()]
            while p.peek.isSymbol(",") || p.peek.isWord("or") {
                p.advance()
                values.append(try p.operand())
            }
            try p.expectEnd("after the `when` values")
            stack[stack.count - 1] = (.caseOf(subject: subject, whens: whens, current: values, inElse: false, elseBody: [], start: start), outer)
            current = []
        case "else":
            try p.expectEnd("after `else`")
            guard let (block, outer) = stack.last else { throw report("`{% else %}` is outside a block.", open, close) }
            switch block {
            case .conditional(let neg, var branches, let cond, let inElse, _, let start, let tag):
                if inElse { throw report("A block has only one `{% else %}`.", open, close) }
                branches.append((cond, current))
                stack[stack.count - 1] = (.conditional(negated: neg, branches: branches, condition: cond, inElse: true, elseBody: [], start: start, tag: tag), outer)
            case .caseOf(let subject, var whens, let cur, let inElse, _, let start):
                if inElse { throw report("A block has only one `{% else %}`.", open, close) }
                if let cur { whens.append((cur, current)) }
                stack[stack.count - 1] = (.caseOf(subject: subject, whens: whens, current: nil, inElse: true, elseBody: [], start: start), outer)
            case .loop(let v, let c, let l, let o, let r, _, let inElse, _, let start):
                if inElse { throw report("A block has only one `{% else %}`.", open, close) }
                stack[stack.count - 1] = (.loop(variable: v, collection: c, limit: l, offset: o, reversed: r, body: current, inElse: true, elseBody: [], start: start), outer)
            }
            current = []
        case "endif", "endunless", "endcase", "endfor":
            try p.expectEnd("after `\(name)`")
            guard let (block, outer) = stack.popLast() else { throw report("`{% \(name) %}` closes nothing.", open, close) }
            guard "end" + block.opener == name else {
                throw report("`{% \(name) %}` does not match the open `{% \(block.opener) %}`.", open, close,
                             help: "Close `{% \(block.opener) %}` with `{% end\(block.opener) %}` first.")
            }
            let node = finish(block, body: current, closeAt: close)
            current = outer
            current.append(node)
        case "case":
            let subject = try p.operand()
            try p.expectEnd("after the `case` value")
            try push(.caseOf(subject: subject, whens: [], current: nil, inElse: false, elseBody: [], start: open), at: open)
        case "for":
            let variable = try p.identifier("a loop variable after `for`")
            guard p.peek.isWord("in") else { throw p.fail("Expected `in` after the loop variable.", p.peek) }
            p.advance()
            let collection = try p.operand()
            var limit: LiquidExpr?, offset: LiquidExpr?, reversed = false
            while !p.atEnd {
                let wordToken = p.peek
                let word = try p.identifier("`limit:`, `offset:` or `reversed`")
                switch word.value {
                case "reversed": reversed = true
                case "limit", "offset":
                    guard p.peek.isSymbol(":") else { throw p.fail("Expected `:` after `\(word.value)`.", p.peek) }
                    p.advance()
                    let v = try p.operand()
                    if word.value == "limit" { limit = v } else { offset = v }
                default:
                    throw p.fail("`\(word.value)` is not a loop option.", wordToken,
                                 help: "Loops accept `limit: N`, `offset: N` and `reversed`.")
                }
            }
            try push(.loop(variable: variable, collection: collection, limit: limit, offset: offset, reversed: reversed,
                           body: [], inElse: false, elseBody: [], start: open), at: open)
        case "assign":
            let target = try p.identifier("a variable name after `assign`")
            guard p.peek.isSymbol("=") else { throw p.fail("Expected `=` after the variable name.", p.peek) }
            p.advance()
            let value = try p.output(span: tagSpan)
            current.append(.assign(LiquidAssign(name: target, value: value, span: tagSpan)))
        case "raw":
            try p.expectEnd("after `raw`")
            guard let (endStart, endClose) = findEndTag("endraw", from: i) else {
                throw report("`{% raw %}` is never closed.", open, close, help: "Add `{% endraw %}`.")
            }
            if endStart > i { current.append(.raw(String(decoding: bytes[i..<endStart], as: UTF8.self), source.span(i, endStart))) }
            i = endClose
        case "comment":
            guard let (_, endClose) = findEndTag("endcomment", from: i) else {
                throw report("`{% comment %}` is never closed.", open, close, help: "Add `{% endcomment %}`.")
            }
            i = endClose
        case "#":
            break
        default:
            let known = ["if", "elsif", "else", "endif", "unless", "endunless", "case", "when", "endcase", "for", "endfor",
                         "assign", "raw", "endraw", "comment", "endcomment"]
            var d = Diagnostic(.templateSyntax, "`\(name)` is not a tag Herald templates support.", at: source.span(nameStart, nameStart + name.utf8.count))
                .suggesting(name, among: known, at: source.span(nameStart, nameStart + name.utf8.count))
            if d.help == nil { d = d.help("Supported tags: \(Suggestions.list(known.filter { !$0.hasPrefix("end") && $0 != "elsif" && $0 != "else" && $0 != "when" }, conjunction: "and")).") }
            diagnostics.append(d)
            throw Failure()
        }
    }

    /// Finds `{% NAME %}` (with optional whitespace control) and returns its start and end.
    private func findEndTag(_ name: String, from: Int) -> (Int, Int)? {
        var j = from
        while let open = bytes.firstIndex(of: "{%", from: j) {
            guard let close = bytes.firstIndex(of: "%}", from: open + 2) else { return nil }
            let inner = String(decoding: bytes[(open + 2)..<close], as: UTF8.self)
                .trimmingCharacters(in: CharacterSet(charactersIn: "- \t\r\n"))
            if inner == name { return (open, close + 2) }
            j = open + 2
        }
        return nil
    }

    private func finish(_ block: Block, body: [TemplateNode], closeAt close: Int) -> TemplateNode {
        switch block {
        case .conditional(let neg, var branches, let cond, let inElse, _, let start, _):
            if !inElse { branches.append((cond, body)) }
            return .conditional(LiquidConditional(negated: neg, branches: branches.map { (condition: $0.0, body: $0.1) },
                                                  elseBody: inElse ? body : nil, span: source.span(start, close + 2)))
        case .caseOf(let subject, var whens, let cur, let inElse, _, let start):
            if let cur, !inElse { whens.append((cur, body)) }
            return .caseOf(LiquidCase(subject: subject, whens: whens.map { (values: $0.0, body: $0.1) }, elseBody: inElse ? body : nil,
                                      span: source.span(start, close + 2)))
        case .loop(let v, let c, let l, let o, let r, let loopBody, let inElse, _, let start):
            return .loop(LiquidLoop(variable: v, collection: c, limit: l, offset: o, reversed: r, body: inElse ? loopBody : body,
                                    elseBody: inElse ? body : nil, span: source.span(start, close + 2)))
        }
    }
}

import Foundation
