import HeraldChecker
import HeraldSchema
import HeraldSyntax

/// The plan of one campaign: its optimized audience predicate, the block choices and experiment
/// arm the audience query computes, the columns it returns, and the scans that feed it.
public struct CampaignPlan: Sendable {
    public var name: String
    public var kind: CampaignKind
    /// Consent and audience as written (segments inlined), before optimization.
    public var unoptimized: PlanExpr
    public var audience: PlanExpr
    public var blocks: [BlockPlan]
    public var experiment: ExperimentPlan?
    /// Customer fields the message reads, besides the key and the address.
    public var fields: [Field]
    /// Relations whose rows the message loops over, with the most rows any loop shows.
    public var relations: [(relation: RelationModel, limit: Int?)]
    /// Scans over events computing every feature the audience and the blocks read.
    public var scans: [ScanGroup]
    /// Whether suppression-list and consent exclusions apply (marketing campaigns).
    public var isMarketing: Bool
    /// When the campaign is due, for triggered and scheduled campaigns (nil: sent on demand).
    public var delivery: DeliveryPlan?

    /// Names of the features this campaign reads, numbered in scan order (`f0`, `f1`, …), so that
    /// a campaign's SQL and plan do not change when other campaigns add features.
    public var featureNames: [FeatureID: String] {
        var names: [FeatureID: String] = [:]
        for s in scans { for id in s.features where names[id] == nil { names[id] = "f\(names.count)" } }
        return names
    }
}

/// Which alternative of a slot a recipient gets: the first whose condition holds.
public struct BlockPlan: Sendable {
    public var slot: String
    /// Conditions in order; nil is `otherwise`.
    public var conditions: [PlanExpr?]
}

/// The arms of an experiment as bucket ranges over 10,000 buckets.
public struct ExperimentPlan: Sendable, Hashable {
    public var id: String
    public var holdoutBuckets: Int
    /// Variant names and the first bucket after each (bounds[0] is the holdout's end).
    public var variants: [String]
    public var bounds: [Int]
    /// The goal, optimized; its aggregates read the events after each recipient's first send.
    public var goal: PlanExpr?
}
