import HeraldChecker
import HeraldPlan
import HeraldSchema

/// Writes a campaign's audience query: one row per recipient with exactly the columns its message
/// needs (key, address, the fields templates read, the chosen block per slot, the experiment arm).
public struct AudienceQuery: Sendable {
    public let dialect: any SQLDialect
    public let plan: ProjectPlan
    /// The suppression joins, which depend on the dialect and the schema alone: written once
    /// per writer (a build writes every campaign's query for every dialect).
    private let suppression: SuppressionJoin

    public init(dialect: any SQLDialect, plan: ProjectPlan) {
        self.dialect = dialect
        self.plan = plan
        suppression = SuppressionJoin(dialect: dialect, schema: plan.schema)
    }

    private func q(_ s: String) -> String { dialect.quote(s) }

    /// Column names the query returns for a campaign, in order.
    public func columns(_ c: CampaignPlan) -> [String] { AudienceQuery.columns(c, schema: plan.schema) }

    /// The same, for any dialect: names do not depend on one.
    public static func columns(_ c: CampaignPlan, schema: Schema) -> [String] {
        let customer = schema.customer
        var cols = [customer.key.name]
        if let e = customer.email { cols.append(e.name) }
        cols += c.fields.map(\.name)
        cols += c.blocks.map { "herald_block_\($0.slot)" }
        if c.experiment != nil { cols.append("herald_arm") }
        return cols
    }

    public func sql(_ c: CampaignPlan) -> String { compose(c, QueryExtension()) }

    /// The audience query with more CTEs, joins, columns and conditions: what the eligibility
    /// query adds to it.
    func compose(_ c: CampaignPlan, _ ext: QueryExtension) -> String {
        let customer = plan.schema.customer
        var predicates = [c.audience]
        for b in c.blocks { predicates += b.conditions.compactMap { $0 } }
        let sources = FeatureSources(dialect: dialect, plan: plan, scans: c.scans, names: c.featureNames, predicates: predicates)
        let writer = sources.writer
        var out = SQLBuffer(dialect, capacity: 4096)
        out.addWith(sources.ctes + ext.ctes)
        out.add("SELECT ")
        out.field("c", customer.key.column, as: customer.key.name)
        if let e = customer.email {
            out.add(",\n       ")
            out.field("c", e.column, as: e.name)
        }
        for f in c.fields {
            out.add(",\n       ")
            out.field("c", f.column, as: f.name)
        }
        for b in c.blocks {
            out.add(",\n       ")
            var fallback = "NULL"
            var cases = 0
            for (i, cond) in b.conditions.enumerated() {
                guard let cond else { fallback = String(i); break }
                out.add(cases == 0 ? "CASE WHEN " : " WHEN ")
                writer.writeCondition(cond, into: &out)
                out.add(" THEN ", String(i))
                cases += 1
            }
            out.add(cases > 0 ? " ELSE " : "", fallback, cases > 0 ? " END AS " : " AS ")
            out.name("herald_block_\(b.slot)")
        }
        if let e = c.experiment {
            out.add(",\n       ")
            ArmAssignment(dialect: dialect).write(e, key: "c.\(q(customer.key.column))", into: &out)
            out.add(" AS ")
            out.name("herald_arm")
        }
        for s in ext.select { out.add(",\n       ", s) }
        out.add("\nFROM ")
        out.name(customer.table)
        out.add(" AS c\n")
        let suppression = c.isMarketing ? suppression : nil
        for join in ext.joins + sources.joins + (suppression?.joins ?? []) { out.add(join, "\n") }
        // The extension's conditions, the audience, then consent and suppression.
        var conditions = 0
        func and() {
            out.add(conditions == 0 ? "WHERE " : "\n  AND ")
            conditions += 1
        }
        for condition in ext.conditions {
            and()
            out.add(condition)
        }
        if c.audience != .true {
            and()
            writer.writeCondition(c.audience, into: &out)
        }
        if let allowed = suppression?.allowed {
            and()
            out.add(allowed)
        }
        if conditions > 0 { out.add("\n") }
        out.add("ORDER BY ")
        out.field("c", customer.key.column)
        out.add("\n")
        out.addQuerySuffix(dialect)
        return out.text
    }
}

/// What a query built on the audience query adds to it.
struct QueryExtension {
    var ctes: [String] = []
    /// Joins placed before the feature joins (an inner join that narrows the customers first).
    var joins: [String] = []
    var select: [String] = []
    /// Conditions placed before the audience.
    var conditions: [String] = []
}
