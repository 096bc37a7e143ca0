import HeraldSource

/// A parsed template of Herald's typed Liquid subset, with spans into the file it came from.
public struct Template: Sendable {
    public var nodes: [TemplateNode]
    public var span: Span

    public init(nodes: [TemplateNode], span: Span) {
        self.nodes = nodes
        self.span = span
    }
}

/// One piece of a template.
public indirect enum TemplateNode: Sendable {
    case text(String, Span)
    case output(LiquidOutput)
    case conditional(LiquidConditional)
    case caseOf(LiquidCase)
    case loop(LiquidLoop)
    case assign(LiquidAssign)
    /// `{% raw %}…{% endraw %}`: text that is never parsed.
    case raw(String, Span)
}

/// `{{ expression | filter: argument, argument | filter }}`.
public struct LiquidOutput: Sendable {
    public var expression: LiquidExpr
    public var filters: [LiquidFilter]
    public var span: Span
}

/// `| name: argument, argument`.
public struct LiquidFilter: Sendable {
    public var name: Located<String>
    public var arguments: [LiquidExpr]
    public var span: Span
}

/// `{% if %}`/`{% unless %}` with `elsif` branches and an optional `else`.
public struct LiquidConditional: Sendable {
    /// `unless` negates the first branch only, as in Shopify Liquid.
    public var negated: Bool
    public var branches: [(condition: LiquidExpr, body: [TemplateNode])]
    public var elseBody: [TemplateNode]?
    public var span: Span
}

/// `{% case x %}{% when a, b %}…{% else %}…{% endcase %}`.
public struct LiquidCase: Sendable {
    public var subject: LiquidExpr
    public var whens: [(values: [LiquidExpr], body: [TemplateNode])]
    public var elseBody: [TemplateNode]?
    public var span: Span
}

/// `{% for x in collection limit: 3 offset: 1 reversed %}…{% else %}…{% endfor %}`.
public struct LiquidLoop: Sendable {
    public var variable: Located<String>
    public var collection: LiquidExpr
    public var limit: LiquidExpr?
    public var offset: LiquidExpr?
    public var reversed: Bool
    public var body: [TemplateNode]
    public var elseBody: [TemplateNode]?
    public var span: Span
}

/// `{% assign name = expression | filter %}`.
public struct LiquidAssign: Sendable {
    public var name: Located<String>
    public var value: LiquidOutput
    public var span: Span
}

/// A Liquid expression: literals, variable paths, ranges, comparisons and `and`/`or`.
public struct LiquidExpr: Sendable {
    public indirect enum Kind: Sendable {
        case string(String)
        case integer(Int64)
        case decimal(String)
        case bool(Bool)
        case nil_
        /// `empty` and `blank`, Liquid's special comparison values.
        case empty
        case blank
        case path(LiquidPath)
        case range(LiquidExpr, LiquidExpr)
        case comparison(LiquidComparison, LiquidExpr, LiquidExpr)
        /// Liquid evaluates `and`/`or` from right to left without precedence: `a or b and c` is `a or (b and c)`.
        case logical(isAnd: Bool, LiquidExpr, LiquidExpr)
    }

    public var kind: Kind
    public var span: Span
}

public enum LiquidComparison: String, Sendable, CaseIterable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", contains
}

/// `customer.first_name`, `rec.name`, `items[0]`, `map["key"]`.
public struct LiquidPath: Sendable {
    public enum Segment: Sendable {
        case name(Located<String>)
        case index(LiquidExpr)
    }

    public var segments: [Segment]
    public var span: Span

    /// The root name (`customer` in `customer.first_name`).
    public var root: Located<String>? {
        if case .name(let n)? = segments.first { return n }
        return nil
    }

    /// `customer.first_name` when every segment is a name.
    public var dottedName: String? {
        var parts: [String] = []
        for s in segments {
            guard case .name(let n) = s else { return nil }
            parts.append(n.value)
        }
        return parts.joined(separator: ".")
    }
}
