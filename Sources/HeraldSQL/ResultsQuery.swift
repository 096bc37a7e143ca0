import HeraldChecker
import HeraldPlan
import HeraldSchema

/// Writes an experiment's results query: per arm and for the holdout, recipients, conversions,
/// the conversion rate, and a two-proportion z-test against the first arm.
///
/// Recipients are the customers the sends log holds for the campaign up to `as_of`, in the arm of
/// their first send. A recipient converts when the goal holds over the events after that send:
/// each aggregate of the goal reads events in `(sent_at, sent_at + window]` (up to `as_of`).
/// The p-value is two-sided, from the normal approximation (Abramowitz and Stegun 26.2.17, absolute
/// error under 1e-7), so that every engine computes it with EXP and SQRT alone.
public struct ResultsQuery: Sendable {
    public let dialect: any SQLDialect
    public let plan: ProjectPlan

    /// The statistics, which depend on the dialect alone: written once per writer, not per
    /// campaign (a build writes every campaign's results query for every dialect, and these
    /// expressions are most of each query's text).
    private let tests: ZTest

    public init(dialect: any SQLDialect, plan: ProjectPlan) {
        self.dialect = dialect
        self.plan = plan
        tests = ZTest(dialect)
    }

    public static let columns = ["arm", "recipients", "conversions", "conversion_rate", "z", "p_value"]

    private func q(_ s: String) -> String { dialect.quote(s) }

    /// Nil when the campaign has no experiment with a goal, or the schema no sends log.
    public func sql(_ c: CampaignPlan) -> String? {
        guard let e = c.experiment, let goal = e.goal, let sends = plan.schema.sends, let first = e.variants.first else { return nil }
        let customer = plan.schema.customer
        var out = SQLBuffer(dialect, capacity: 4096)
        out.add("WITH ")
        out.name("herald_recipients")
        out.add(" AS (\n  SELECT ")
        out.field("x", sends.customerColumn, as: "k")
        out.add(", MIN(")
        out.field("x", sends.sentAtColumn)
        out.add(") AS ")
        out.name("sent_at")
        out.add(", MIN(")
        out.field("x", sends.armColumn)
        out.add(") AS ")
        out.name("arm")
        out.add("\n  FROM ")
        out.name(sends.table)
        out.add(" AS x\n  WHERE ")
        out.field("x", sends.campaignColumn)
        out.add(" = ")
        out.add(dialect.string(c.name))
        out.add("\n    AND ")
        out.field("x", sends.sentAtColumn)
        out.add(" <= ")
        out.add(dialect.asOf)
        out.add("\n  GROUP BY ")
        out.field("x", sends.customerColumn)
        out.add("\n)")

        let ids = goal.features.sorted()
        var names: [FeatureID: String] = [:]
        for (i, id) in ids.enumerated() { names[id] = "g\(i)" }
        // One scan of the events table, or with a table per event type, one scan per table read.
        var scans: [[FeatureID]] = []
        if case .perEventTable = plan.schema.events.layout {
            var byType: [String: [FeatureID]] = [:]
            for id in ids { byType[plan.features[id].event?.name ?? "", default: []].append(id) }
            scans = byType.keys.sorted().map { byType[$0]! }
        } else if !ids.isEmpty {
            scans = [ids]
        }
        var scanOf: [FeatureID: String] = [:]
        for (i, group) in scans.enumerated() {
            let alias = scans.count == 1 ? "herald_goal" : "herald_goal\(i)"
            for id in group { scanOf[id] = alias }
            out.add(",\n")
            outcomeScan(group, names: names, alias: alias, into: &out)
        }

        var writer = SQLExpressionWriter(dialect: dialect, features: plan.features, customerColumn: { [dialect] f in "c.\(dialect.quote(f.column))" })
        writer.feature = { [dialect] id in
            let col = "\(dialect.quote(scanOf[id] ?? "herald_goal")).\(dialect.quote(names[id] ?? "g"))"
            switch plan.features[id].function {
            case .count, .exists: return dialect.signedInteger("COALESCE(\(col), 0)")
            case .sum: return "COALESCE(\(col), 0)"
            default: return col
            }
        }
        out.add(",\n")
        out.name("herald_outcomes")
        out.add(" AS (\n  SELECT ")
        out.field("r", "k", as: "k")
        out.add(", ")
        out.field("r", "arm", as: "arm")
        out.add(",\n    CASE WHEN ")
        writer.writeCondition(goal, into: &out)
        out.add(" THEN 1 ELSE 0 END AS ")
        out.name("converted")
        out.add("\n  FROM ")
        out.name("herald_recipients")
        out.add(" AS r\n  LEFT JOIN ")
        out.name(customer.table)
        out.add(" AS c ON ")
        out.field("c", customer.key.column)
        out.add(" = ")
        out.field("r", "k")
        for alias in Set(scanOf.values).sorted() {
            out.add("\n  LEFT JOIN ")
            out.name(alias)
            out.add(" ON ")
            out.name(alias, "k")
            out.add(" = ")
            out.field("r", "k")
        }
        out.add("\n),\n")
        out.add(tests.arms)
        out.add(",\n")
        out.add(tests.testsHead)
        out.add(dialect.string(first))
        out.add(tests.testsMiddle)
        out.add(dialect.string(first))
        out.add("\n)\n")
        out.add(tests.select)
        out.add("ORDER BY CASE ")
        out.name("arm")
        for (i, arm) in (e.variants + [DeliveryPlan.holdoutArm]).enumerated() {
            out.add(" WHEN ")
            out.add(dialect.string(arm))
            out.add(" THEN ")
            out.add(i)
        }
        out.add(" ELSE ")
        out.add(e.variants.count + 1)
        out.add(" END, ")
        out.name("arm")
        out.add("\n")
        if !dialect.querySuffix.isEmpty {
            out.add(dialect.querySuffix)
            out.add("\n")
        }
        return out.text
    }

    /// One grouped pass over the recipients' events after their first send.
    private func outcomeScan(_ ids: [FeatureID], names: [FeatureID: String], alias: String, into out: inout SQLBuffer) {
        let types = ids.compactMap { plan.features[$0].event }
        let all = ids.contains { plan.features[$0].event == nil }
        let unique = all ? plan.schema.events.types : types.reduce(into: [EventType]()) { if !$0.contains($1) { $0.append($1) } }
        let source = EventRows(dialect: dialect, layout: plan.schema.events.layout, types: unique)
        var writer = SQLExpressionWriter(dialect: dialect, features: plan.features, customerColumn: { _ in "NULL" })
        writer.eventProperty = source.property
        let sentAt = "r." + dialect.quote("sent_at")
        out.name(alias)
        out.add(" AS (\n  SELECT ")
        out.field("r", "k", as: "k")
        for id in ids {
            let f = plan.features[id]
            var conds: [String] = []
            if let ev = f.event, let c = source.typeCondition(ev) { conds.append(c) }
            if let w = f.window { conds.append("\(source.time) <= \(dialect.timestamp(sentAt, plusSeconds: w.seconds))") }
            if let filter = f.filter { conds.append(writer.condition(filter)) }
            let cond = conds.isEmpty ? "1 = 1" : conds.joined(separator: " AND ")
            out.add("\n    , ")
            out.add(ScanWriter.aggregate(f, condition: cond, property: f.property.map(source.property), time: source.time, dialect: dialect))
            out.add(" AS ")
            out.name(names[id]!)
        }
        out.add("\n  FROM ")
        out.name("herald_recipients")
        out.add(" AS r\n  JOIN ")
        out.add(source.from)
        out.add(" ON ")
        out.add(source.customer)
        out.add(" = ")
        out.field("r", "k")
        out.add("\n  WHERE ")
        for condition in source.nameCondition {
            out.add(condition)
            out.add("\n  AND ")
        }
        out.add(source.time)
        out.add(" > ")
        out.add(sentAt)
        out.add("\n  AND ")
        out.add(source.time)
        out.add(" <= ")
        out.add(dialect.asOf)
        out.add("\n  GROUP BY ")
        out.field("r", "k")
        out.add("\n)")
    }
}

/// The two-proportion z-test of a results query in one dialect: the arms CTE, the rate, the z
/// statistic against the first arm (pooled standard error) and the final SELECT with the p-value.
private struct ZTest: Sendable {
    let arms: String
    /// The tests CTE up to the first arm's name, and from there to its second use.
    let testsHead: String
    let testsMiddle: String
    let select: String

    init(_ dialect: any SQLDialect) {
        func q(_ s: String) -> String { dialect.quote(s) }
        let real = dialect.sqlType(.decimal)
        arms = dialect.cte("herald_arms", [
            "SELECT \(q("arm")), \(dialect.signedInteger("COUNT(*)")) AS \(q("n")), \(dialect.signedInteger("SUM(\(q("converted")))")) AS \(q("x"))",
            "FROM \(q("herald_outcomes"))",
            "GROUP BY \(q("arm"))",
        ])
        let n = "CAST(a.\(q("n")) AS \(real))", x = "CAST(a.\(q("x")) AS \(real))"
        let n0 = "CAST(b.\(q("n")) AS \(real))", x0 = "CAST(b.\(q("x")) AS \(real))"
        let pooled = "((\(x) + \(x0)) / (\(n) + \(n0)))"
        let se = "SQRT(\(pooled) * (1 - \(pooled)) * (1 / \(n) + 1 / \(n0)))"
        let rate = "\(x) / \(n)"
        // z is undefined without a first arm to compare with, or with a pooled rate of 0 or 1.
        let undefined = "b.\(q("n")) IS NULL OR \(pooled) <= 0 OR \(pooled) >= 1"
        let z = "(\(x) / \(n) - \(x0) / \(n0)) / \(se)"
        testsHead = """
            \(q("herald_tests")) AS (
              SELECT a.\(q("arm")) AS \(q("arm")), a.\(q("n")) AS \(q("n")), a.\(q("x")) AS \(q("x")),
                \(rate) AS \(q("rate")),
                CASE WHEN a.\(q("arm")) = 
            """
        testsMiddle = """
             OR \(undefined) THEN NULL
                     ELSE \(z) END AS \(q("z"))
              FROM \(q("herald_arms")) AS a
              LEFT JOIN \(q("herald_arms")) AS b ON b.\(q("arm")) = 
            """
        let absZ = "ABS(\(q("z")))", t = "(1 / (1 + 0.2316419 * \(absZ)))"
        let poly = "\(t) * (0.319381530 + \(t) * (-0.356563782 + \(t) * (1.781477937 + \(t) * (-1.821255978 + \(t) * 1.330274429))))"
        var out = "SELECT \(q("arm")) AS \(q("arm")),\n"
        out += "       \(q("n")) AS \(q("recipients")),\n"
        out += "       \(q("x")) AS \(q("conversions")),\n"
        out += "       \(q("rate")) AS \(q("conversion_rate")),\n"
        out += "       \(q("z")) AS \(q("z")),\n"
        out += "       2 * 0.3989422804014327 * EXP(-\(q("z")) * \(q("z")) / 2) * \(poly) AS \(q("p_value"))\n"
        out += "FROM \(q("herald_tests"))\n"
        select = out
    }
}
