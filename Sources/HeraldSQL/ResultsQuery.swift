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

    /// The text that depends on the dialect and the schema alone, written once per writer, not per
    /// campaign: a build writes every campaign's results query for every dialect, and this text
    /// (the statistics above all) is most of each query. Nil without a sends log.
    private let text: ResultsQueryText?

    public init(dialect: any SQLDialect, plan: ProjectPlan) {
        self.dialect = dialect
        self.plan = plan
        text = plan.schema.sends.map { ResultsQueryText(dialect, sends: $0, customer: plan.schema.customer) }
    }

    public static let columns = ["arm", "recipients", "conversions", "conversion_rate", "z", "p_value"]

    /// Nil when the campaign has no experiment with a goal, or the schema no sends log.
    public func sql(_ c: CampaignPlan) -> String? {
        guard let e = c.experiment, let goal = e.goal, let text, let first = e.variants.first else { return nil }
        var out = SQLBuffer(dialect, capacity: 4096)
        out.add(text.recipientsHead, dialect.string(c.name), text.recipientsTail)

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
        out.add(",\n", text.outcomesHead)
        writer.writeCondition(goal, into: &out)
        out.add(text.outcomesTail)
        for alias in Set(scanOf.values).sorted() {
            out.add("\n  LEFT JOIN ")
            out.name(alias)
            out.add(" ON ")
            out.name(alias, "k")
            out.add(" = ")
            out.field("r", "k")
        }
        out.add("\n),\n", text.arms, ",\n", text.testsHead, dialect.string(first), text.testsMiddle, dialect.string(first), "\n)\n",
                text.select, "ORDER BY CASE ")
        out.name("arm")
        for (i, arm) in (e.variants + [DeliveryPlan.holdoutArm]).enumerated() { out.add(" WHEN ", dialect.string(arm), " THEN ", String(i)) }
        out.add(" ELSE ", String(e.variants.count + 1), " END, ")
        out.name("arm")
        out.add("\n")
        out.addQuerySuffix(dialect)
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
            out.add("\n    , ", ScanWriter.aggregate(f, condition: cond, property: f.property.map(source.property), time: source.time, dialect: dialect), " AS ")
            out.name(names[id]!)
        }
        out.add("\n  FROM ")
        out.name("herald_recipients")
        out.add(" AS r\n  JOIN ", source.from, " ON ", source.customer, " = ")
        out.field("r", "k")
        out.add("\n  WHERE ")
        for condition in source.nameCondition { out.add(condition, "\n  AND ") }
        out.add(source.time, " > ", sentAt, "\n  AND ", source.time, " <= ", dialect.asOf, "\n  GROUP BY ")
        out.field("r", "k")
        out.add("\n)")
    }
}
