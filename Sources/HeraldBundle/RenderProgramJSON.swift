import HeraldEmail
import HeraldSchema
import HeraldSupport

/// The JSON form of render programs, as `docs/bundle-format.md` specifies it.
public enum RenderProgramJSON {
    public static func nodes(_ list: [RenderNode]) -> JSONValue { .array(list.map(node)) }

    public static func node(_ n: RenderNode) -> JSONValue {
        switch n {
        case .text(let s, _): return ["text": .string(s)]
        case .output(let o): return ["output": output(o)]
        case .assign(let name, let o): return ["assign": ["name": .string(name), "value": output(o)]]
        case .slot(let name): return ["slot": .string(name)]
        case .conditional(let branches, let elseBody):
            var o: [String: JSONValue] = ["branches": .array(branches.map { b in
                ["condition": value(b.condition), "negated": .bool(b.negated), "body": nodes(b.body)]
            })]
            if let e = elseBody { o["else"] = nodes(e) }
            return ["if": .object(o)]
        case .caseOf(let subject, let whens, let elseBody):
            var o: [String: JSONValue] = ["subject": value(subject), "whens": .array(whens.map { w in
                ["values": .array(w.values.map(value)), "body": nodes(w.body)]
            })]
            if let e = elseBody { o["else"] = nodes(e) }
            return ["case": .object(o)]
        case .loop(let l):
            var o: [String: JSONValue] = ["variable": .string(l.variable), "reversed": .bool(l.reversed), "body": nodes(l.body)]
            if let r = l.relation { o["relation"] = .string(r) }
            if let c = l.collection { o["collection"] = value(c) }
            if let x = l.limit { o["limit"] = value(x) }
            if let x = l.offset { o["offset"] = value(x) }
            if let e = l.elseBody { o["else"] = nodes(e) }
            return ["for": .object(o)]
        }
    }

    static func output(_ o: RenderOutput) -> JSONValue {
        [
            "value": value(o.value),
            "filters": .array(o.filters.map { ["name": .string($0.name), "arguments": .array($0.arguments.map(value))] }),
            "escape": .string(o.escape.rawValue),
        ]
    }

    public static func value(_ v: RenderValue) -> JSONValue {
        switch v {
        case .literal(let x): return ["literal": literal(x)]
        case .empty: return ["special": "empty"]
        case .blank: return ["special": "blank"]
        case .field(let n): return ["field": .string(n)]
        case .rowField(let variable, let field): return ["row": ["variable": .string(variable), "field": .string(field)]]
        case .local(let n): return ["local": .string(n)]
        case .forloop(let p): return ["forloop": .string(p)]
        case .builtin(let n): return ["builtin": .string(n)]
        case .range(let a, let b): return ["range": [value(a), value(b)]]
        case .comparison(let op, let a, let b): return ["compare": ["operator": .string(op), "left": value(a), "right": value(b)]]
        case .logical(let isAnd, let a, let b): return [isAnd ? "and" : "or": [value(a), value(b)]]
        }
    }

    /// Literals as JSON: numbers as numbers (decimals as their text in a `decimal` member).
    public static func literal(_ v: Value) -> JSONValue {
        switch v {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .decimal(let d): return ["decimal": .string(d)]
        case .string(let s): return .string(s)
        case .timestamp(let t): return ["timestamp": .string(CivilTime.iso8601(t))]
        case .date(let d): return ["date": .string(CivilTime.isoDate(d))]
        case .duration(let s): return ["seconds": .int(s)]
        }
    }
}
