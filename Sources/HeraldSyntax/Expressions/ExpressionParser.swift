import HeraldDiagnostics
import HeraldSource

/// Bounds on one expression so that hostile rules cannot exhaust the stack or the planner.
public struct ExpressionLimits: Sendable, Hashable {
    /// Nesting of parentheses, calls, lists and operator chains.
    public var maxDepth: Int
    /// Terms (literals, names, aggregates) in one expression.
    public var maxTerms: Int

    public init(maxDepth: Int = 64, maxTerms: Int = 10_000) {
        self.maxDepth = maxDepth
        self.maxTerms = maxTerms
    }

    public static let standard = ExpressionLimits()
}

/// Parses the audience expression language (grammar/expression.ebnf) by recursive descent.
///
/// The first syntax error of an expression is reported and the expression becomes `.invalid`, so
/// the checker stays quiet about it instead of piling up follow-on errors.
public struct ExpressionParser {
    private struct Abort: Error {}

    private let source: LocatedText
    private let limits: ExpressionLimits
    private var tokens: [Token]
    private var index = 0
    private var nesting = 0
    private var terms = 0
    private var diagnostics: [Diagnostic] = []

    public static func parse(_ source: LocatedText, limits: ExpressionLimits = .standard) -> (Expr, [Diagnostic]) {
        var lexer = Lexer(source.text)
        let tokens = lexer.tokenize()
        var parser = ExpressionParser(source: source, limits: limits, tokens: tokens)
        if let p = lexer.problems.first {
            let d = Diagnostic(.expressionSyntax, p.message, at: source.span(p.start, p.end)).help(p.help)
            return (Expr(.invalid, source.span), [d])
        }
        do {
            if tokens.first?.kind == .end {
                throw parser.error("The expression is empty.", at: tokens[0], help: "Write a condition such as `exists(purchase_completed within 30d)`.")
            }
            let (e, _) = try parser.expression()
            if parser.peek.kind != .end {
                let t = parser.peek
                throw parser.error("Unexpected `\(t.text)` after a complete expression.", at: t,
                                   help: "Join conditions with `and` or `or`.")
            }
            return (e, parser.diagnostics)
        } catch {
            return (Expr(.invalid, source.span), parser.diagnostics)
        }
    }

    private init(source: LocatedText, limits: ExpressionLimits, tokens: [Token]) {
        self.source = source
        self.limits = limits
        self.tokens = tokens
    }

    // MARK: - Token access

    private var peek: Token { tokens[index] }
    private func peek(_ k: Int) -> Token { tokens[min(index + k, tokens.count - 1)] }

    @discardableResult
    private mutating func advance() -> Token {
        let t = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return t
    }

    private func span(_ t: Token) -> Span { source.span(t.start, t.end) }
    private func span(_ a: Token, _ b: Token) -> Span { source.span(a.start, b.end) }

    private mutating func error(_ message: String, at t: Token, help: String? = nil) -> Abort {
        let s = t.kind == .end ? source.span(t.start, t.start) : span(t)
        diagnostics.append(Diagnostic(.expressionSyntax, message, at: s).help(help))
        return Abort()
    }

    private mutating func limitError(_ kind: DiagnosticKind, _ message: String, at t: Token, help: String) -> Abort {
        diagnostics.append(Diagnostic(kind, message, at: span(t)).help(help))
        return Abort()
    }

    private mutating func expect(_ symbol: String, _ what: String) throws(Abort) -> Token {
        guard peek.isSymbol(symbol) else {
            let found = peek.kind == .end ? "the end of the expression" : "`\(peek.text)`"
            throw error("Expected `\(symbol)` \(what), found \(found).", at: peek)
        }
        return advance()
    }

    private mutating func enter(_ t: Token) throws(Abort) {
        nesting += 1
        if nesting > limits.maxDepth {
            throw limitError(.expressionTooDeep, "The expression is nested more than \(limits.maxDepth) levels deep.", at: t,
                             help: "Split it into named segments, or raise `limits.expression_depth` in `herald.yaml`.")
        }
    }

    private mutating func countTerm(_ t: Token) throws(Abort) {
        terms += 1
        if terms > limits.maxTerms {
            throw limitError(.expressionTooLarge, "The expression has more than \(limits.maxTerms) terms.", at: t,
                             help: "Split it into named segments, or raise `limits.expression_terms` in `herald.yaml`.")
        }
    }

    /// Checks the depth a new operator node would reach (left-nested chains such as `a - b - c`).
    private mutating func checkDepth(_ depth: Int, at t: Token) throws(Abort) {
        if depth + nesting > limits.maxDepth {
            throw limitError(.expressionTooDeep, "The expression is nested more than \(limits.maxDepth) levels deep.", at: t,
                             help: "Split it into named segments, or raise `limits.expression_depth` in `herald.yaml`.")
        }
    }

    // MARK: - Grammar

    private typealias Parsed = (Expr, Int)

    private mutating func expression() throws(Abort) -> Parsed { try logical(.or) }

    private mutating func logical(_ op: LogicalOperator) throws(Abort) -> Parsed {
        var (first, depth) = op == .or ? try logical(.and) : try notExpr()
        guard peek.isKeyword(op.rawValue) else { return (first, depth) }
        var items = [first]
        while peek.isKeyword(op.rawValue) {
            advance()
            let (next, d) = op == .or ? try logical(.and) : try notExpr()
            items.append(next)
            depth = max(depth, d)
        }
        first = Expr(.logical(op, items), items[0].span.union(items[items.count - 1].span))
        return (first, depth + 1)
    }

    private mutating func notExpr() throws(Abort) -> Parsed {
        if peek.isKeyword("not") {
            let t = advance()
            try enter(t)
            let (operand, d) = try notExpr()
            nesting -= 1
            return (Expr(.unary(.not, operand), span(t).union(operand.span)), d + 1)
        }
        return try comparison()
    }

    private static let comparisonOperators: [String: BinaryOperator] = [
        "==": .equal, "!=": .notEqual, "<": .less, "<=": .lessOrEqual, ">": .greater, ">=": .greaterOrEqual,
    ]

    private mutating func comparison() throws(Abort) -> Parsed {
        let (lhs, ld) = try coalesce()
        var result: Parsed
        let t = peek
        if t.kind == .symbol, let op = ExpressionParser.comparisonOperators[t.text] {
            advance()
            let (rhs, rd) = try coalesce()
            result = (Expr(.binary(op, lhs, rhs), lhs.span.union(rhs.span)), max(ld, rd) + 1)
        } else if t.isKeyword("in") || (t.isKeyword("not") && peek(1).isKeyword("in")) {
            let negated = t.isKeyword("not")
            advance()
            if negated { advance() }
            guard peek.isSymbol("[") else {
                throw error("Expected a list such as `[\"US\", \"CA\"]` after `\(negated ? "not in" : "in")`.", at: peek)
            }
            let (list, rd) = try primary()
            result = (Expr(.membership(lhs, list, negated: negated), lhs.span.union(list.span)), max(ld, rd) + 1)
        } else if t.isKeyword("is") {
            advance()
            var negated = false
            if peek.isKeyword("not") { advance(); negated = true }
            guard peek.isKeyword("null") else {
                throw error("Expected `null` after `is\(negated ? " not" : "")`.", at: peek,
                            help: "Write `x is null` or `x is not null`; compare values with `==`.")
            }
            let end = advance()
            result = (Expr(.nullTest(lhs, negated: negated), lhs.span.union(span(end))), ld + 1)
        } else if t.isKeyword("contains") || t.isKeyword("starts_with") {
            advance()
            let (rhs, rd) = try coalesce()
            let op: BinaryOperator = t.text == "contains" ? .contains : .startsWith
            result = (Expr(.binary(op, lhs, rhs), lhs.span.union(rhs.span)), max(ld, rd) + 1)
        } else {
            return (lhs, ld)
        }
        let next = peek
        if next.kind == .symbol, ExpressionParser.comparisonOperators[next.text] != nil {
            throw error("Comparisons cannot be chained.", at: next,
                        help: "Write `a < b and b < c` instead of `a < b < c`.")
        }
        try checkDepth(result.1, at: t)
        return result
    }

    private mutating func coalesce() throws(Abort) -> Parsed {
        try binaryChain(operators: ["??": .coalesce]) { (p: inout ExpressionParser) throws(Abort) in try p.additive() }
    }

    private mutating func additive() throws(Abort) -> Parsed {
        try binaryChain(operators: ["+": .add, "-": .subtract]) { (p: inout ExpressionParser) throws(Abort) in try p.multiplicative() }
    }

    private mutating func multiplicative() throws(Abort) -> Parsed {
        try binaryChain(operators: ["*": .multiply, "/": .divide, "%": .remainder]) { (p: inout ExpressionParser) throws(Abort) in try p.unary() }
    }

    private mutating func binaryChain(operators: [String: BinaryOperator],
                                      operand: (inout ExpressionParser) throws(Abort) -> Parsed) throws(Abort) -> Parsed {
        var (lhs, depth) = try operand(&self)
        while peek.kind == .symbol, let op = operators[peek.text] {
            let t = advance()
            let (rhs, rd) = try operand(&self)
            depth = max(depth, rd) + 1
            try checkDepth(depth, at: t)
            lhs = Expr(.binary(op, lhs, rhs), lhs.span.union(rhs.span))
        }
        return (lhs, depth)
    }

    private mutating func unary() throws(Abort) -> Parsed {
        if peek.isSymbol("-") {
            let t = advance()
            try enter(t)
            let (operand, d) = try unary()
            nesting -= 1
            // Fold `-5` into a literal so that the minimum integer is representable.
            if case .integer(let v) = operand.kind { return (Expr(.integer(-v), span(t).union(operand.span)), d) }
            if case .decimal(let v) = operand.kind { return (Expr(.decimal("-" + v), span(t).union(operand.span)), d) }
            return (Expr(.unary(.negate, operand), span(t).union(operand.span)), d + 1)
        }
        return try primary()
    }

    private mutating func primary() throws(Abort) -> Parsed {
        let t = peek
        switch t.kind {
        case .integer:
            advance()
            try countTerm(t)
            guard let v = Int64(t.text) else {
                diagnostics.append(Diagnostic(.numberOutOfRange, "The number `\(t.text)` is too large.", at: span(t))
                    .help("Integers range up to 9223372036854775807; use a decimal such as `\(t.text).0` for larger values."))
                throw Abort()
            }
            return (Expr(.integer(v), span(t)), 1)
        case .decimal:
            advance()
            try countTerm(t)
            return (Expr(.decimal(t.text), span(t)), 1)
        case .duration:
            advance()
            try countTerm(t)
            guard let d = Interval.parse(t.text) else {
                diagnostics.append(Diagnostic(.numberOutOfRange, "The duration `\(t.text)` is longer than 100 years.", at: span(t)))
                throw Abort()
            }
            return (Expr(.duration(d), span(t)), 1)
        case .string:
            advance()
            try countTerm(t)
            return (Expr(.string(t.text), span(t)), 1)
        case .symbol where t.text == "(":
            advance()
            try enter(t)
            let (inner, d) = try expression()
            nesting -= 1
            let close = try expect(")", "to close the `(`")
            var e = inner
            e.span = span(t, close)
            return (e, d)
        case .symbol where t.text == "[":
            return try list()
        case .identifier:
            return try identifierExpression()
        case .end:
            throw error("The expression ends where a value was expected.", at: t)
        default:
            throw error("Expected a value, found `\(t.text)`.", at: t)
        }
    }

    private mutating func list() throws(Abort) -> Parsed {
        let open = advance()
        try enter(open)
        var items: [Expr] = []
        var depth = 0
        while !peek.isSymbol("]") {
            let (item, d) = try expression()
            items.append(item)
            depth = max(depth, d)
            if peek.isSymbol(",") { advance(); continue }
            guard peek.isSymbol("]") else {
                throw error("Expected `,` or `]` in the list, found \(peek.kind == .end ? "the end of the expression" : "`\(peek.text)`").", at: peek)
            }
        }
        let close = advance()
        nesting -= 1
        return (Expr(.list(items), span(open, close)), depth + 1)
    }

    private mutating func identifierExpression() throws(Abort) -> Parsed {
        let t = advance()
        switch t.text {
        case "true", "false":
            try countTerm(t)
            return (Expr(.bool(t.text == "true"), span(t)), 1)
        case "null":
            try countTerm(t)
            return (Expr(.null, span(t)), 1)
        case let word where Keywords.all.contains(word):
            throw error("`\(word)` is a keyword and cannot start a value.", at: t)
        default:
            break
        }
        try countTerm(t)
        if peek.isSymbol("(") {
            if let function = AggregateFunction(rawValue: t.text) { return try aggregate(function, t) }
            return try call(t)
        }
        var parts = [Located(t.text, span(t))]
        var last = t
        while peek.isSymbol(".") {
            advance()
            guard peek.kind == .identifier else { throw error("Expected a name after `.`.", at: peek) }
            last = advance()
            parts.append(Located(last.text, span(last)))
        }
        return (Expr(.path(parts), span(t, last)), 1)
    }

    private mutating func call(_ name: Token) throws(Abort) -> Parsed {
        let open = advance()
        try enter(open)
        var args: [Expr] = []
        var depth = 0
        while !peek.isSymbol(")") {
            let (arg, d) = try expression()
            args.append(arg)
            depth = max(depth, d)
            if peek.isSymbol(",") { advance(); continue }
            guard peek.isSymbol(")") else {
                throw error("Expected `,` or `)` after the argument.", at: peek)
            }
        }
        let close = advance()
        nesting -= 1
        return (Expr(.call(Located(name.text, span(name)), args), span(name, close)), depth + 1)
    }

    private mutating func aggregate(_ function: AggregateFunction, _ name: Token) throws(Abort) -> Parsed {
        let open = advance()
        try enter(open)
        guard peek.kind == .identifier, !Keywords.all.contains(peek.text) else {
            let example = function.needsProperty ? "\(function.rawValue)(purchase_completed.total within 90d)" : "\(function.rawValue)(purchase_completed within 30d)"
            throw error("`\(function.rawValue)` takes an event name first, as in `\(example)`.", at: peek)
        }
        let eventToken = advance()
        var property: Located<String>?
        if peek.isSymbol(".") {
            advance()
            guard peek.kind == .identifier else { throw error("Expected a property name after `.`.", at: peek) }
            let p = advance()
            property = Located(p.text, span(p))
        }
        var filter: Expr?
        var depth = 1
        if peek.isKeyword("where") {
            advance()
            let (f, d) = try expression()
            filter = f
            depth = d + 1
        }
        var window: Located<Interval>?
        if peek.isKeyword("within") {
            advance()
            let w = peek
            guard w.kind == .duration else {
                throw error("Expected a duration such as `30d` after `within`.", at: w)
            }
            advance()
            guard let d = Interval.parse(w.text) else {
                diagnostics.append(Diagnostic(.numberOutOfRange, "The duration `\(w.text)` is longer than 100 years.", at: span(w)))
                throw Abort()
            }
            window = Located(d, span(w))
        }
        if peek.isKeyword("where") && window != nil {
            throw error("`where` must come before `within`.", at: peek,
                        help: "Write `\(function.rawValue)(event where condition within 30d)`.")
        }
        let close = try expect(")", "to close `\(function.rawValue)(`")
        nesting -= 1
        let agg = AggregateSyntax(function: Located(function, span(name)), event: Located(eventToken.text, span(eventToken)),
                                  property: property, filter: filter, window: window)
        return (Expr(.aggregate(agg), span(name, close)), depth + 1)
    }
}
