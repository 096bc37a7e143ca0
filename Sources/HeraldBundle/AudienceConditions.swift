import HeraldPlan

/// An audience as the list of its top-level conditions in the language's words, features inline
/// (`count(cart_added within 48h) >= 1`): stable text for reviewers and for `herald diff`.
enum AudienceConditions {
    static func words(_ audience: PlanExpr, features: FeatureTable) -> [String] {
        let printer = PlanPrinter(features: features)
        if case .and(let conjuncts) = audience { return conjuncts.map(printer.print) }
        return [printer.print(audience)]
    }
}
