import HeraldPlan
import HeraldSchema

/// Every campaign's audience in one query: the project's features computed by one shared scan
/// per events table (each event read once, whatever the number of campaigns and segments), and one
/// 0/1 column per campaign. Rows are the customers at least one campaign selects.
public struct ProjectAudienceQuery {
    /// How features are computed.
    public enum Strategy: Sendable {
        /// Scans pruned to each event type's widest window (what bundles carry).
        case windowClasses
        /// One grouped scan over every event, each feature filtering its own rows (a benchmark baseline).
        case singleFullScan
    }

    public let dialect: any SQLDialect
    public let plan: ProjectPlan
    public let strategy: Strategy

    public init(dialect: any SQLDialect, plan: ProjectPlan, strategy: Strategy = .windowClasses) {
        self.dialect = dialect
        self.plan = plan
        self.strategy = strategy
    }

    public func sql(_ campaigns: [CampaignPlan]) -> String {
        let customer = plan.schema.customer
        func q(_ s: String) -> String { dialect.quote(s) }
        var used = Set<FeatureID>()
        for c in campaigns { used.formUnion(c.audience.features) }
        let scans: [ScanGroup]
        switch strategy {
        case .windowClasses: scans = ScanPlanner.groups(for: Array(used), features: plan.features, layout: plan.schema.events.layout)
        case .singleFullScan: scans = [ScanGroup(source: .eventsTable, ranges: [EventRange(events: nil, window: nil)], features: used.sorted())]
        }
        var names: [FeatureID: String] = [:]
        for s in scans { for id in s.features where names[id] == nil { names[id] = "f\(names.count)" } }
        // The flags are computed over one row per customer, and filtered only outside: ranks can be
        // window functions there.
        let sources = FeatureSources(dialect: dialect, plan: plan, scans: scans, names: names, predicates: campaigns.map(\.audience),
                                     oneRowPerCustomer: true)
        let suppression = SuppressionJoin(dialect: dialect, schema: plan.schema)
        var flags: [String] = []
        // A campaign that selects everyone (a transactional rule without conditions) makes the
        // filter on the flags true for every row: it is left out rather than tested row by row.
        var selectsEveryone = false
        for c in campaigns {
            var condition = sources.writer.condition(c.audience)
            if c.isMarketing, let allowed = suppression.allowed { condition = "(\(condition) AND \(allowed))" }
            else if c.audience == .true { selectsEveryone = true }
            flags.append("CASE WHEN \(condition) THEN 1 ELSE 0 END AS \(q(c.name))")
        }
        let select = "SELECT c.\(q(customer.key.column)) AS \(q(customer.key.name)),\n       " + flags.joined(separator: ",\n       ") + "\n"
            + sources.from(customer.table) + suppression.joins.map { $0 + "\n" }.joined()
        var out = sources.with
        if selectsEveryone {
            out += select
        } else {
            out += "SELECT * FROM (\n" + select + ") AS audiences\n"
            out += "WHERE " + campaigns.map { "\(q($0.name)) = 1" }.joined(separator: " OR ") + "\n"
        }
        out += "ORDER BY \(q(customer.key.name))\n"
        if !dialect.querySuffix.isEmpty { out += dialect.querySuffix + "\n" }
        return out
    }
}
