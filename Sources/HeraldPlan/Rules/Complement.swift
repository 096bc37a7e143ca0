import HeraldChecker

/// Complements: `a or not a` is `true` and `a and not a` is `false`, also when the negation was
/// already pushed into a comparison (`x >= 1 or x < 1`).
public struct Complement: PlanRule {
    public let name = "complement"

    public init() {}

    public func rewrite(_ node: PlanExpr, _ context: RuleContext) -> PlanExpr? {
        let items: [PlanExpr]
        let conjunction: Bool
        switch node {
        case .and(let xs): items = xs; conjunction = true
        case .or(let xs): items = xs; conjunction = false
        default: return nil
        }
        let present = Set(items)
        for x in items where present.contains(Complement.negation(of: x)) {
            return conjunction ? .false : .true
        }
        return nil
    }

    /// The negation of an atom in the form the other rules produce.
    static func negation(of e: PlanExpr) -> PlanExpr {
        switch e {
        case .not(let x): return x
        case .compare(let op, let a, let b): return .compare(op.negated, a, b)
        case .isNull(let x, let n): return .isNull(x, negated: !n)
        case .inList(let x, let v, let n): return .inList(x, v, negated: !n)
        default: return .not(e)
        }
    }
}
