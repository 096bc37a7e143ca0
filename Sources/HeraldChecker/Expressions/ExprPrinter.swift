import HeraldSchema
import HeraldSyntax

/// Prints a typed expression back in the language's own syntax, canonically: the same meaning
/// always prints the same text (plans, diffs and structural comparison use it).
public enum ExprPrinter {
    public static func print(_ e: TypedExpr) -> String {
        switch e.kind {
        case .literal(let v): return v.description
        case .asOf: return "as_of"
        case .field(let f): return "customer.\(f.name)"
        case .eventProperty(let f): return "event.\(f.name)"
        case .segment(let name, _): return "segment.\(name)"
        case .aggregate(let a): return aggregate(a)
        case .not(let x): return "not \(wrap(x))"
        case .and(let items): return items.map(wrap).joined(separator: " and ")
        case .or(let items): return items.map(wrap).joined(separator: " or ")
        case .compare(let op, let l, let r): return "\(wrap(l)) \(op.rawValue) \(wrap(r))"
        case .arithmetic(let op, let l, let r): return "\(wrap(l)) \(op.rawValue) \(wrap(r))"
        case .negate(let x): return "-\(wrap(x))"
        case .coalesce(let l, let r): return "\(wrap(l)) ?? \(wrap(r))"
        case .isNull(let x, let negated): return "\(wrap(x)) is \(negated ? "not " : "")null"
        case .inList(let x, let values, let negated):
            return "\(wrap(x)) \(negated ? "not in" : "in") [\(values.map(\.description).joined(separator: ", "))]"
        case .contains(let l, let r): return "\(wrap(l)) contains \(wrap(r))"
        case .startsWith(let l, let r): return "\(wrap(l)) starts_with \(wrap(r))"
        case .function(let f, let args): return "\(f.rawValue)(\(args.map(print).joined(separator: ", ")))"
        case .rank(let k, let x): return "\(k.rawValue)(\(print(x)))"
        }
    }

    public static func aggregate(_ a: EventAggregate) -> String {
        var s = "\(a.function.rawValue)(\(a.eventName)"
        if let p = a.property { s += ".\(p.name)" }
        if let f = a.filter { s += " where \(print(f))" }
        if let w = a.window { s += " within \(w)" }
        return s + ")"
    }

    /// Parenthesizes everything but atoms, so the printed text never depends on precedence.
    static func wrap(_ e: TypedExpr) -> String {
        switch e.kind {
        case .literal, .asOf, .field, .eventProperty, .segment, .aggregate, .function, .rank: return print(e)
        default: return "(\(print(e)))"
        }
    }
}
