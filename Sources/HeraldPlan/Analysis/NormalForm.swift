import HeraldChecker

/// Disjunctive normal form with a size budget: `(a or b) and c` is `[[a, c], [b, c]]`.
///
/// Distribution can blow up exponentially, so conversion stops at `budget` conjunctions and
/// returns nil; analyses that need it then say nothing rather than take forever.
public enum NormalForm {
    public static let defaultBudget = 256

    public static func dnf(_ e: PlanExpr, budget: Int = defaultBudget) -> [[PlanExpr]]? {
        switch e {
        case .and(let xs):
            var acc: [[PlanExpr]] = [[]]
            for x in xs {
                guard let d = dnf(x, budget: budget) else { return nil }
                var next: [[PlanExpr]] = []
                for a in acc {
                    for b in d {
                        next.append(a + b)
                        if next.count > budget { return nil }
                    }
                }
                acc = next
            }
            return acc
        case .or(let xs):
            var acc: [[PlanExpr]] = []
            for x in xs {
                guard let d = dnf(x, budget: budget) else { return nil }
                acc += d
                if acc.count > budget { return nil }
            }
            return acc
        case .constant(.bool(true)):
            return [[]]
        case .constant(.bool(false)):
            return []
        default:
            return [[e]]
        }
    }
}
