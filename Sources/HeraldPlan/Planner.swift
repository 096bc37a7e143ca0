import HeraldChecker
import HeraldDiagnostics
import HeraldSchema
import HeraldSupport
import HeraldSyntax

/// The planner phase: `CheckedProject` in, `ProjectPlan` (and analysis diagnostics) out.
public struct ProjectPlan: Sendable {
    public let features: FeatureTable
    /// In the checked project's order (sorted by name).
    public var campaigns: [CampaignPlan] { didSet { campaignIndex = NameIndex(campaigns.lazy.map(\.name)) } }
    public var schema: Schema
    /// What the redundant-campaign analysis read of each campaign, in campaign order (the check cache keeps them).
    public var redundancy: [RedundancyProfile]
    /// The table the profiles' numbers refer to.
    public var redundancySymbols: StringTable
    /// The redundant campaigns found among them (`H0503`).
    public var redundantCampaigns: [RedundantCampaigns.Finding]

    private var campaignIndex: NameIndex

    init(features: FeatureTable, campaigns: [CampaignPlan], schema: Schema, redundancy: [RedundancyProfile], redundancySymbols: StringTable,
         redundantCampaigns: [RedundantCampaigns.Finding]) {
        self.features = features
        self.campaigns = campaigns
        self.schema = schema
        self.redundancy = redundancy
        self.redundancySymbols = redundancySymbols
        self.redundantCampaigns = redundantCampaigns
        campaignIndex = NameIndex(campaigns.lazy.map(\.name))
    }

    public func campaign(named name: String) -> CampaignPlan? { campaignIndex[name].map { campaigns[$0] } }
}

public enum Planner {
    public static func plan(_ project: CheckedProject, optimizer: Optimizer = Optimizer()) -> (ProjectPlan, DiagnosticBag) {
        let features = FeatureTable()
        let lowering = Lowering(features: features)
        let context = RuleContext(features: features)
        var diagnostics = DiagnosticBag()
        var plans: [CampaignPlan] = []
        var profiles: [RedundancyProfile] = []
        let printer = PlanPrinter(features: features)
        var symbols = StringTable()
        let consent = project.consent.map(lowering.lower)
        let marketingNames = project.campaigns.filter { $0.kind == .marketing }.map(\.name)
        for c in project.campaigns {
            let audience = c.audience.map(lowering.lower) ?? .true
            let isMarketing = c.kind == .marketing
            // Consent is ANDed into every marketing audience, always.
            let unoptimized = ConsentConjunction.apply(consent: isMarketing ? consent : nil, to: audience)
            let optimized = optimizer.optimize(unoptimized, context: context)
            var blocks: [BlockPlan] = []
            var slotNames = Set<String>()
            let allSlots = c.message.slots + (c.experiment?.variants.flatMap(\.slots) ?? [])
            for slot in allSlots where slotNames.insert(blockColumnKey(slot, variantOf: c)).inserted {
                if case .alternatives(let alts) = slot.content {
                    let conditions = alts.map { a in a.condition.map { optimizer.optimize(lowering.lower($0), context: context) } }
                    blocks.append(BlockPlan(slot: blockColumnKey(slot, variantOf: c), conditions: conditions))
                }
            }
            var fieldNames = Set(c.message.customerFields)
            if let email = project.schema.customer.email { fieldNames.remove(email.name) }
            fieldNames.remove(project.schema.customer.key.name)
            let fields = fieldNames.sorted().compactMap { project.schema.customer.field(named: $0) }
            var relations: [(RelationModel, Int?)] = []
            for name in c.message.relations {
                guard let r = project.schema.relation(named: name) else { continue }
                relations.append((r, loopLimit(r.name, c)))
            }
            var used = optimized.features
            for b in blocks { for cond in b.conditions { if let cond { used.formUnion(cond.features) } } }
            // Features referenced inside other features' filters do not exist: filters read event properties only.
            let scans = ScanPlanner.groups(for: Array(used), features: features, layout: project.schema.events.layout)
            let experiment = c.experiment.map { e in
                ExperimentPlan(id: e.id, holdoutBuckets: e.holdoutBuckets, variants: e.variants.map(\.name), bounds: e.bucketBounds,
                               goal: e.goal.map { optimizer.optimize(lowering.lower($0), context: context) })
            }
            plans.append(CampaignPlan(name: c.name, kind: c.kind, unoptimized: unoptimized, audience: optimized, blocks: blocks,
                                      experiment: experiment, fields: fields, relations: relations, scans: scans, isMarketing: isMarketing,
                                      delivery: c.trigger.map { DeliveryPlan(campaign: c, trigger: $0, lowering: lowering, settings: project.settings,
                                                                             schema: project.schema, marketingCampaigns: marketingNames) }))
            diagnostics.merge(AudienceAnalysis.analyze(c, optimized: optimized, features: features))
            profiles.append(RedundancyProfile(c, plan: plans[plans.count - 1], printer: printer, symbols: &symbols))
        }
        let redundant = RedundantCampaigns.findings(profiles)
        diagnostics.merge(RedundantCampaigns.diagnostics(redundant, profiles))
        return (ProjectPlan(features: features, campaigns: plans, schema: project.schema, redundancy: profiles, redundancySymbols: symbols, redundantCampaigns: redundant), diagnostics)
    }

    /// The block column of a slot: the slot name, or `slot__variant` when a variant overrides it.
    static func blockColumnKey(_ slot: CheckedSlot, variantOf c: CheckedCampaign) -> String {
        if let v = c.experiment?.variants.first(where: { v in v.slots.contains { $0.span == slot.span } }) {
            return "\(slot.name)__\(v.name)"
        }
        return slot.name
    }

    /// The most rows any loop over the relation shows (nil when one loop is unbounded).
    static func loopLimit(_ relation: String, _ c: CheckedCampaign) -> Int? {
        var limits: [Int?] = []
        for slot in c.message.slots + (c.experiment?.variants.flatMap(\.slots) ?? []) {
            if case .loop(let l) = slot.content, l.relation.name == relation { limits.append(l.limit) }
        }
        if limits.isEmpty || limits.contains(where: { $0 == nil }) { return nil }
        return limits.compactMap { $0 }.max()
    }
}
