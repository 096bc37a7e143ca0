import HeraldChecker

/// Absorption: `a and (a or b)` is `a`, and `a or (a and b)` is `a`.
public struct Absorption: PlanRule {
    public let name = "absorption"

    public init() {}

    public func rewrite(_ node: PlanExpr, _ context: RuleContext) -> PlanExpr? {
        switch node {
        case .and(let xs):
            let kept = xs.filter { x in
                guard case .or(let inner) = x else { return true }
                return !inner.contains { i in xs.contains(i) }
            }
            if kept.count == xs.count { return nil }
            return kept.count == 1 ? kept[0] : .and(kept)
        case .or(let xs):
            let kept = xs.filter { x in
                guard case .and(let inner) = x else { return true }
                return !inner.contains { i in xs.contains(i) }
            }
            if kept.count == xs.count { return nil }
            return kept.count == 1 ? kept[0] : .or(kept)
        default:
            return nil
        }
    }
}
