import HeraldChecker

/// Pushes `not` into what it negates: `not not x` is `x`, `not (a < b)` is `a >= b`,
/// `not (x is null)` is `x is not null`, `not (x in L)` is `x not in L`.
///
/// Sound because the checker guarantees that compared and tested values are never null, so SQL's
/// three-valued logic never applies to these nodes.
public struct DoubleNegation: PlanRule {
    public let name = "double-negation"

    public init() {}

    public func rewrite(_ node: PlanExpr, _ context: RuleContext) -> PlanExpr? {
        guard case .not(let inner) = node else { return nil }
        switch inner {
        case .not(let x): return x
        case .compare(let op, let a, let b): return .compare(op.negated, a, b)
        case .isNull(let x, let negated): return .isNull(x, negated: !negated)
        case .inList(let x, let values, let negated): return .inList(x, values, negated: !negated)
        default: return nil
        }
    }
}
