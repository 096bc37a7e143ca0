import HeraldChecker

/// Flattens nested `and`/`or` (`a and (b and c)` is `a and b and c`) and removes repeated operands
/// (`a and a` is `a`), keeping the first occurrence's position.
public struct FlattenLogic: PlanRule {
    public let name = "flatten-logic"

    public init() {}

    public func rewrite(_ node: PlanExpr, _ context: RuleContext) -> PlanExpr? {
        switch node {
        case .and(let xs):
            let flat = unique(xs.flatMap { x -> [PlanExpr] in if case .and(let inner) = x { return inner } else { return [x] } })
            if flat == xs { return nil }
            return flat.count == 1 ? flat[0] : .and(flat)
        case .or(let xs):
            let flat = unique(xs.flatMap { x -> [PlanExpr] in if case .or(let inner) = x { return inner } else { return [x] } })
            if flat == xs { return nil }
            return flat.count == 1 ? flat[0] : .or(flat)
        default:
            return nil
        }
    }

    private func unique(_ xs: [PlanExpr]) -> [PlanExpr] {
        var seen = Set<PlanExpr>()
        return xs.filter { seen.insert($0).inserted }
    }
}
