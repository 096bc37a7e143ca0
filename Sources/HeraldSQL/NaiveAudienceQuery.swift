import HeraldPlan
import HeraldSchema

/// The strategy Herald's plan is measured against: a campaign's audience with one correlated
/// subquery per event aggregate, as a query written by hand predicate by predicate would read.
/// Used by the SQL benchmark (`scripts/bench-sql`), never by bundles.
public struct NaiveAudienceQuery {
    public let dialect: any SQLDialect
    public let plan: ProjectPlan

    public init(dialect: any SQLDialect, plan: ProjectPlan) {
        self.dialect = dialect
        self.plan = plan
    }

    public func sql(_ c: CampaignPlan) -> String {
        let customer = plan.schema.customer
        func q(_ s: String) -> String { dialect.quote(s) }
        guard case .singleTable(let table, let customerColumn, let nameColumn, let timeColumn, let properties) = plan.schema.events.layout else {
            return "-- the naive strategy is written for the single-table layout\n"
        }
        let rowProperty: (Field) -> String = { f in dialect.jsonProperty("e.\(q(properties))", key: f.column, type: f.type) }
        var writer = SQLExpressionWriter(dialect: dialect, features: plan.features, customerColumn: { f in "c.\(q(f.column))" })
        let eventWriter = SQLExpressionWriter(dialect: dialect, features: plan.features, customerColumn: { _ in "NULL" }, eventProperty: rowProperty)
        writer.feature = { id in
            let f = plan.features[id]
            var conditions = ["e.\(q(customerColumn)) = c.\(q(customer.key.column))", "e.\(q(timeColumn)) <= \(dialect.asOf)"]
            if let e = f.event { conditions.append("e.\(q(nameColumn)) = \(dialect.string(e.sourceName))") }
            if let w = f.window { conditions.append("e.\(q(timeColumn)) >= \(dialect.timestamp(dialect.asOf, plusSeconds: -w.seconds))") }
            if let filter = f.filter { conditions.append(eventWriter.condition(filter)) }
            let from = "FROM \(q(table)) AS e WHERE " + conditions.joined(separator: " AND ")
            let prop = f.property.map(rowProperty)
            switch f.function {
            case .count, .exists: return "(SELECT COUNT(*) \(from))"
            case .sum: return "(SELECT COALESCE(SUM(\(prop!)), 0) \(from))"
            case .avg: return "(SELECT AVG(\(dialect.cast(prop!, to: .decimal))) \(from))"
            case .min: return "(SELECT MIN(\(prop!)) \(from))"
            case .max: return "(SELECT MAX(\(prop!)) \(from))"
            case .first, .last:
                let value = prop ?? "e.\(q(timeColumn))"
                let order = f.function == .first ? "e.\(q(timeColumn)), \(value)" : "e.\(q(timeColumn)) DESC, \(value) DESC"
                return "(SELECT \(value) \(from) AND \(value) IS NOT NULL ORDER BY \(order) LIMIT 1)"
            }
        }
        var ranks: [PlanExpr] = []
        func collect(_ e: PlanExpr) {
            if case .rank = e, !ranks.contains(e) { ranks.append(e) }
            e.forEachChild(collect)
        }
        collect(c.audience)
        var with = ""
        if !ranks.isEmpty {
            var lines = ["SELECT c.\(q(customer.key.column)) AS \(q("k"))"]
            for (i, r) in ranks.enumerated() {
                guard case .rank(let kind, let inner) = r else { continue }
                let v = writer.value(inner)
                lines.append("  , 1 + \(dialect.integerDivide("\(kind.buckets) * (RANK() OVER (ORDER BY \(v)) - 1)", "COUNT(*) OVER ()")) AS \(q("r\(i)"))")
            }
            with = "WITH \(q("ranked")) AS (\n" + lines.joined(separator: "\n") + "\nFROM \(q(customer.table)) AS c\n)\n"
            let rankWriter = writer
            writer.rank = { e in ranks.firstIndex(of: e).map { "r.\(q("r\($0)"))" } ?? rankWriter.value(e) }
        }
        // Ranks are joined, as anyone writing this by hand would; a correlated lookup into the CTE is quadratic.
        let join = ranks.isEmpty ? "" : "JOIN \(q("ranked")) AS r ON r.\(q("k")) = c.\(q(customer.key.column))\n"
        return with + "SELECT c.\(q(customer.key.column)) AS \(q(customer.key.name))\nFROM \(q(customer.table)) AS c\n\(join)WHERE \(writer.condition(c.audience))\nORDER BY 1\n"
    }
}
