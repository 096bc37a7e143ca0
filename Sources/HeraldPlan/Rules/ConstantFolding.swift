import HeraldChecker
import HeraldSchema

/// Evaluates what is known at compile time: `true and x` is `x`, `false or x` is `x`,
/// `not true` is `false`, comparisons and list tests of literals, and null tests of literals.
public struct ConstantFolding: PlanRule {
    public let name = "constant-folding"

    public init() {}

    public func rewrite(_ node: PlanExpr, _ context: RuleContext) -> PlanExpr? {
        switch node {
        case .and(let xs):
            if xs.contains(where: { $0.boolConstant == false }) { return .false }
            let rest = xs.filter { $0.boolConstant != true }
            if rest.count == xs.count && xs.count > 1 { return nil }
            return rest.isEmpty ? .true : (rest.count == 1 ? rest[0] : .and(rest))
        case .or(let xs):
            if xs.contains(where: { $0.boolConstant == true }) { return .true }
            let rest = xs.filter { $0.boolConstant != false }
            if rest.count == xs.count && xs.count > 1 { return nil }
            return rest.isEmpty ? .false : (rest.count == 1 ? rest[0] : .or(rest))
        case .not(.constant(.bool(let b))):
            return .constant(.bool(!b))
        case .compare(let op, .constant(let a), .constant(let b)):
            guard let order = ValueOrder.compare(a, b) else { return nil }
            return .constant(.bool(ValueOrder.holds(op, order)))
        case .isNull(.constant(let v), let negated):
            return .constant(.bool((v == .null) != negated))
        case .inList(.constant(let v), let values, let negated):
            guard v != .null else { return nil }
            let found = values.contains { ValueOrder.compare(v, $0) == 0 }
            return .constant(.bool(found != negated))
        case .coalesce(.constant(let v), let fallback):
            return v == .null ? fallback : .constant(v)
        case .arithmetic(let op, .constant(.int(let a)), .constant(.int(let b)), _):
            switch op {
            case .add: return a.addingReportingOverflow(b).overflow ? nil : .constant(.int(a + b))
            case .subtract: return a.subtractingReportingOverflow(b).overflow ? nil : .constant(.int(a - b))
            case .multiply: return a.multipliedReportingOverflow(by: b).overflow ? nil : .constant(.int(a * b))
            default: return nil
            }
        default:
            return nil
        }
    }
}

/// Orders constants of the language: numbers by value, times by instant, text by code points.
public enum ValueOrder {
    /// -1, 0 or 1; nil when the values are not comparable.
    public static func compare(_ a: Value, _ b: Value) -> Int? {
        switch (a, b) {
        case (.timestamp(let x), .timestamp(let y)), (.date(let x), .date(let y)), (.duration(let x), .duration(let y)):
            return x < y ? -1 : (x == y ? 0 : 1)
        case (.string(let x), .string(let y)):
            return x == y ? 0 : (Array(x.unicodeScalars.map(\.value)).lexicographicallyPrecedes(y.unicodeScalars.map(\.value)) ? -1 : 1)
        case (.bool(let x), .bool(let y)):
            return x == y ? 0 : (!x ? -1 : 1)
        default:
            guard let x = a.number, let y = b.number else { return nil }
            return x < y ? -1 : (x == y ? 0 : 1)
        }
    }

    public static func holds(_ op: CompareOperator, _ order: Int) -> Bool {
        switch op {
        case .equal: return order == 0
        case .notEqual: return order != 0
        case .less: return order < 0
        case .lessOrEqual: return order <= 0
        case .greater: return order > 0
        case .greaterOrEqual: return order >= 0
        }
    }
}
