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
        // A campaign that selects everyone (a transactional rule without conditions) makes the
        // filter on the flags true for every row: it is left out rather than tested row by row.
        let selectsEveryone = campaigns.contains { $0.audience == .true && !($0.isMarketing && suppression.allowed != nil) }
        var out = SQLBuffer(dialect, capacity: 64 * 1024)
        out.addWith(sources.ctes)
        if !selectsEveryone { out.add("SELECT * FROM (\n") }
        out.add("SELECT ")
        out.field("c", customer.key.column, as: customer.key.name)
        for c in campaigns {
            out.add(",\n       CASE WHEN ")
            if c.isMarketing, let allowed = suppression.allowed {
                out.add("(")
                sources.writer.writeCondition(c.audience, into: &out)
                out.add(" AND ", allowed, ")")
            } else {
                sources.writer.writeCondition(c.audience, into: &out)
            }
            out.add(" THEN 1 ELSE 0 END AS ")
            out.name(c.name)
        }
        out.add("\nFROM ")
        out.name(customer.table)
        out.add(" AS c\n")
        for join in sources.joins + suppression.joins { out.add(join, "\n") }
        if !selectsEveryone {
            out.add(") AS audiences\nWHERE ")
            for (i, c) in campaigns.enumerated() {
                if i > 0 { out.add(" OR ") }
                out.name(c.name)
                out.add(" = 1")
            }
            out.add("\n")
        }
        out.add("ORDER BY ")
        out.name(customer.key.name)
        out.add("\n")
        out.addQuerySuffix(dialect)
        return out.text
    }
}
