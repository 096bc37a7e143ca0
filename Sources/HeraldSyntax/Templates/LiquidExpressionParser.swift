import HeraldDiagnostics
import HeraldSource

/// Parses the inside of `{{ … }}` and `{% … %}`: Liquid expressions, filters and tag arguments.
struct LiquidExpressionParser {
    struct Failure: Error {
        var message: String
        var start: Int
        var end: Int
        var help: String?
    }

    enum TokenKind: Equatable { case identifier, string, integer, decimal, symbol, end }

    struct LToken {
        var kind: TokenKind
        var text: String
        var start: Int
        var end: Int
        func isSymbol(_ s: String) -> Bool { kind == .symbol && text == s }
        func isWord(_ s: String) -> Bool { kind == .identifier && text == s }
    }

    let source: LocatedText
    private var tokens: [LToken] = []
    private var index = 0
    /// Ranges and indexes nested inside one another; bounded so that hostile input cannot exhaust the stack.
    private var nesting = 0
    static let maxNesting = 64
    /// Conditions one `if`, `elsif` or `unless` may join.
    static let maxConditions = 256

    /// Tokenizes `bytes[start..<end]` of the template text.
    init(source: LocatedText, bytes: ArraySlice<UInt8>, start: Int) throws(Failure) {
        self.source = source
        var i = bytes.startIndex
        let symbols = ["==", "!=", "<>", "<=", ">=", "..", "<", ">", "|", ":", ",", ".", "[", "]", "(", ")", "="]
        func isIdentStart(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F }
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        func text(_ a: Int, _ b: Int) -> String { String(decoding: bytes[a..<b], as: UTF8.self) }
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { i += 1; continue }
            let s = i
            if isIdentStart(b) {
                while i < bytes.endIndex && (isIdentStart(bytes[i]) || isDigit(bytes[i]) || bytes[i] == UInt8(ascii: "-")) { i += 1 }
                // A trailing `-` belongs to whitespace control, not the name.
                while i > s + 1 && bytes[i - 1] == UInt8(ascii: "-") { i -= 1 }
                if i < bytes.endIndex && bytes[i] == UInt8(ascii: "?") { i += 1 }
                tokens.append(LToken(kind: .identifier, text: text(s, i), start: s, end: i))
                continue
            }
            if isDigit(b) || (b == UInt8(ascii: "-") && i + 1 < bytes.endIndex && isDigit(bytes[i + 1])) {
                i += 1
                while i < bytes.endIndex && isDigit(bytes[i]) { i += 1 }
                var kind = TokenKind.integer
                if i + 1 < bytes.endIndex && bytes[i] == UInt8(ascii: ".") && isDigit(bytes[i + 1]) {
                    kind = .decimal
                    i += 1
                    while i < bytes.endIndex && isDigit(bytes[i]) { i += 1 }
                }
                tokens.append(LToken(kind: kind, text: text(s, i), start: s, end: i))
                continue
            }
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                i += 1
                while i < bytes.endIndex && bytes[i] != b { i += 1 }
                guard i < bytes.endIndex else {
                    throw Failure(message: "The string is never closed.", start: s, end: i, help: "Add the closing `\(b == 0x22 ? "\"" : "'")`.")
                }
                i += 1
                tokens.append(LToken(kind: .string, text: text(s + 1, i - 1), start: s, end: i))
                continue
            }
            if let sym = symbols.first(where: { sym in
                let u = Array(sym.utf8)
                return i + u.count <= bytes.endIndex && Array(bytes[i..<(i + u.count)]) == u
            }) {
                i += sym.utf8.count
                tokens.append(LToken(kind: .symbol, text: sym, start: s, end: i))
                continue
            }
            i += 1
            while i < bytes.endIndex && bytes[i] & 0xC0 == 0x80 { i += 1 }
            throw Failure(message: "The character `\(text(s, i))` cannot appear here.", start: s, end: i, help: nil)
        }
        tokens.append(LToken(kind: .end, text: "", start: bytes.endIndex, end: bytes.endIndex))
        _ = start
    }

    var peek: LToken { tokens[index] }
    var atEnd: Bool { peek.kind == .end }

    @discardableResult
    mutating func advance() -> LToken {
        let t = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return t
    }

    func fail(_ message: String, _ t: LToken, help: String? = nil) -> Failure {
        Failure(message: message, start: t.start, end: max(t.end, t.start + 1), help: help)
    }

    func span(_ a: Int, _ b: Int) -> Span { source.span(a, b) }

    mutating func expectEnd(_ what: String) throws(Failure) {
        if !atEnd { throw fail("Unexpected `\(peek.text)` \(what).", peek) }
    }

    mutating func identifier(_ what: String) throws(Failure) -> Located<String> {
        guard peek.kind == .identifier else { throw fail("Expected \(what), found \(describe(peek)).", peek) }
        let t = advance()
        return Located(t.text, span(t.start, t.end))
    }

    func describe(_ t: LToken) -> String { t.kind == .end ? "the end of the tag" : "`\(t.text)`" }

    /// `condition := comparison [ ("and" | "or") condition ]`, right to left as Shopify evaluates it.
    /// Read as a loop and folded from the right, so that a long chain does not recurse.
    mutating func condition() throws(Failure) -> LiquidExpr {
        var operands = [try comparison()]
        var ands: [Bool] = []
        while peek.isWord("and") || peek.isWord("or") {
            let joiner = advance()
            // The chain becomes a tree as deep as it is long, which later phases walk recursively.
            if ands.count >= LiquidExpressionParser.maxConditions {
                throw fail("A tag joins more than \(LiquidExpressionParser.maxConditions) conditions with `and` and `or`.", joiner,
                           help: "Compute the condition in a segment and test `segment.NAME`, or split the tag.")
            }
            ands.append(joiner.text == "and")
            operands.append(try comparison())
        }
        var result = operands.removeLast()
        while let lhs = operands.popLast() {
            let isAnd = ands.removeLast()
            result = LiquidExpr(kind: .logical(isAnd: isAnd, lhs, result), span: lhs.span.union(result.span))
        }
        return result
    }

    /// Enters a nested range or index, failing past the bound.
    private mutating func nest(_ t: LToken) throws(Failure) {
        nesting += 1
        if nesting > LiquidExpressionParser.maxNesting {
            throw fail("Ranges and indexes are nested more than \(LiquidExpressionParser.maxNesting) levels deep here.", t)
        }
    }

    mutating func comparison() throws(Failure) -> LiquidExpr {
        let lhs = try operand()
        let t = peek
        var op: LiquidComparison?
        if t.kind == .symbol {
            op = t.text == "<>" ? .notEqual : LiquidComparison(rawValue: t.text)
            if t.text == "=" {
                throw fail("`=` compares nothing in Liquid.", t, help: "Use `==` to compare.")
            }
        } else if t.isWord("contains") {
            op = .contains
        }
        guard let op else { return lhs }
        advance()
        let rhs = try operand()
        return LiquidExpr(kind: .comparison(op, lhs, rhs), span: lhs.span.union(rhs.span))
    }

    mutating func operand() throws(Failure) -> LiquidExpr {
        let t = peek
        switch t.kind {
        case .string:
            advance()
            return LiquidExpr(kind: .string(t.text), span: span(t.start, t.end))
        case .integer:
            advance()
            guard let v = Int64(t.text) else { throw fail("The number `\(t.text)` is too large.", t) }
            return LiquidExpr(kind: .integer(v), span: span(t.start, t.end))
        case .decimal:
            advance()
            return LiquidExpr(kind: .decimal(t.text), span: span(t.start, t.end))
        case .symbol where t.text == "(":
            advance()
            try nest(t)
            defer { nesting -= 1 }
            let from = try operand()
            guard peek.isSymbol("..") else { throw fail("Expected `..` in the range.", peek, help: "Ranges look like `(1..5)`.") }
            advance()
            let to = try operand()
            guard peek.isSymbol(")") else { throw fail("Expected `)` to close the range.", peek) }
            let close = advance()
            return LiquidExpr(kind: .range(from, to), span: span(t.start, close.end))
        case .identifier:
            switch t.text {
            case "true", "false":
                advance()
                return LiquidExpr(kind: .bool(t.text == "true"), span: span(t.start, t.end))
            case "nil", "null":
                advance()
                return LiquidExpr(kind: .nil_, span: span(t.start, t.end))
            case "empty":
                advance()
                return LiquidExpr(kind: .empty, span: span(t.start, t.end))
            case "blank":
                advance()
                return LiquidExpr(kind: .blank, span: span(t.start, t.end))
            default:
                return try path()
            }
        default:
            throw fail("Expected a value, found \(describe(t)).", t)
        }
    }

    mutating func path() throws(Failure) -> LiquidExpr {
        let first = advance()
        var segments: [LiquidPath.Segment] = [.name(Located(first.text, span(first.start, first.end)))]
        var end = first.end
        while true {
            if peek.isSymbol(".") {
                advance()
                guard peek.kind == .identifier else { throw fail("Expected a name after `.`.", peek) }
                let n = advance()
                segments.append(.name(Located(n.text, span(n.start, n.end))))
                end = n.end
            } else if peek.isSymbol("[") {
                let open = advance()
                try nest(open)
                let inner: LiquidExpr
                do { inner = try operand() } catch { nesting -= 1; throw error }
                nesting -= 1
                guard peek.isSymbol("]") else { throw fail("Expected `]`.", peek) }
                end = advance().end
                segments.append(.index(inner))
            } else {
                break
            }
        }
        let s = span(first.start, end)
        return LiquidExpr(kind: .path(LiquidPath(segments: segments, span: s)), span: s)
    }

    /// `expression { "|" filter [ ":" argument { "," argument } ] }`.
    mutating func output(span outer: Span) throws(Failure) -> LiquidOutput {
        let expr = try operand()
        var filters: [LiquidFilter] = []
        while peek.isSymbol("|") {
            advance()
            let name = try identifier("a filter name after `|`")
            var args: [LiquidExpr] = []
            var end = name.span
            if peek.isSymbol(":") {
                advance()
                repeat {
                    if peek.isSymbol(",") { advance() }
                    // Keyword arguments (`name: value`) are accepted as positional values.
                    if peek.kind == .identifier, tokens[min(index + 1, tokens.count - 1)].isSymbol(":") { advance(); advance() }
                    let a = try operand()
                    args.append(a)
                    end = a.span
                } while peek.isSymbol(",")
            }
            filters.append(LiquidFilter(name: name, arguments: args, span: name.span.union(end)))
        }
        try expectEnd("in the output; filters start with `|`")
        return LiquidOutput(expression: expr, filters: filters, span: outer)
    }
}
