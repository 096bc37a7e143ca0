import HeraldPlan

/// `herald plan`'s text for a campaign of a project plan.
public enum PlanReportText {
    public static func text(_ c: CampaignPlan, _ plan: ProjectPlan) -> String { PlanReport.text(c, features: plan.features) }
}
