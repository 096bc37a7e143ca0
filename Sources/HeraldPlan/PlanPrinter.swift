import HeraldChecker
import HeraldSchema

/// Prints plan expressions in the language's syntax, with features shown as `f3` or inline.
public struct PlanPrinter {
    public let features: FeatureTable
    /// Print aggregates in full instead of as feature names.
    public var inlineFeatures: Bool
    /// Names for features printed by name (a campaign's local numbering).
    public var names: [FeatureID: String]

    public init(features: FeatureTable, inlineFeatures: Bool = true, names: [FeatureID: String] = [:]) {
        self.features = features
        self.inlineFeatures = inlineFeatures
        self.names = names
    }

    public func print(_ e: PlanExpr) -> String {
        switch e {
        case .constant(let v): return v.description
        case .asOf: return "as_of"
        case .column(let f): return "customer.\(f.name)"
        case .eventProperty(let f): return "event.\(f.name)"
        case .feature(let id): return inlineFeatures ? describe(features[id]) : (names[id] ?? id.description)
        case .not(let x): return "not \(wrap(x))"
        case .and(let xs): return xs.isEmpty ? "true" : xs.map(wrap).joined(separator: " and ")
        case .or(let xs): return xs.isEmpty ? "false" : xs.map(wrap).joined(separator: " or ")
        case .compare(let op, let a, let b): return "\(wrap(a)) \(op.rawValue) \(wrap(b))"
        case .arithmetic(let op, let a, let b, _): return "\(wrap(a)) \(op.rawValue) \(wrap(b))"
        case .negate(let x): return "-\(wrap(x))"
        case .coalesce(let a, let b): return "\(wrap(a)) ?? \(wrap(b))"
        case .isNull(let x, let n): return "\(wrap(x)) is \(n ? "not " : "")null"
        case .inList(let x, let v, let n): return "\(wrap(x)) \(n ? "not in" : "in") [\(v.map(\.description).joined(separator: ", "))]"
        case .contains(let a, let b): return "\(wrap(a)) contains \(wrap(b))"
        case .startsWith(let a, let b): return "\(wrap(a)) starts_with \(wrap(b))"
        case .function(let f, let xs): return "\(f.rawValue)(\(xs.map(print).joined(separator: ", ")))"
        case .rank(let k, let x): return "\(k.rawValue)(\(print(x)))"
        }
    }

    public func describe(_ f: Feature) -> String {
        var s = "\(f.function.rawValue)(\(f.eventName)"
        if let p = f.property { s += ".\(p.name)" }
        if let filter = f.filter { s += " where \(print(filter))" }
        if let w = f.window { s += " within \(w)" }
        return s + ")"
    }

    private func wrap(_ e: PlanExpr) -> String {
        switch e {
        case .constant, .asOf, .column, .eventProperty, .feature, .function, .rank: return print(e)
        default: return "(\(print(e)))"
        }
    }
}
