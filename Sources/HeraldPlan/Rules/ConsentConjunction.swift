import HeraldChecker

/// Consent ANDed in: every marketing audience becomes `consent and audience`.
///
/// Unlike the other rules this one is not optional or local: the planner applies it when it builds
/// each marketing campaign's plan, before optimization, so no rule can ever drop it; the
/// optimizer may only simplify it (`consent and consent` is `consent`).
public enum ConsentConjunction {
    public static func apply(consent: PlanExpr?, to audience: PlanExpr) -> PlanExpr {
        guard let consent else { return audience }
        return .and([consent, audience])
    }
}
