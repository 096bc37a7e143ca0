import HeraldPlan
import HeraldSchema

/// What makes features and ranks readable by predicates over customer rows: the grouped scans as
/// CTEs, the ranks over the whole customer base, the joins onto the customer table, and an
/// expression writer that knows where each value lives. Shared by every query a plan produces.
struct FeatureSources {
    let dialect: any SQLDialect
    var ctes: [String] = []
    var joins: [String] = []
    var writer: SQLExpressionWriter

    init(dialect: any SQLDialect, plan: ProjectPlan, scans: [ScanGroup], names: [FeatureID: String], predicates: [PlanExpr]) {
        self.dialect = dialect
        let customer = plan.schema.customer
        func q(_ s: String) -> String { dialect.quote(s) }
        var featureColumn: [FeatureID: String] = [:]
        for (i, g) in scans.enumerated() {
            for id in g.features { featureColumn[id] = "\(q("s\(i)")).\(q(names[id]!))" }
        }
        let scanWriter = ScanWriter(dialect: dialect, features: plan.features, layout: plan.schema.events.layout,
                                    allTypes: plan.schema.events.types, names: names)
        ctes = scans.enumerated().map { scanWriter.cte($1, alias: "s\($0)") }
        writer = SQLExpressionWriter(dialect: dialect, features: plan.features, customerColumn: { f in "c.\(q(f.column))" })
        writer.feature = { id in
            let col = featureColumn[id] ?? "NULL"
            let f = plan.features[id]
            switch f.function {
            case .count, .exists: return dialect.signedInteger("COALESCE(\(col), 0)")
            case .sum: return f.type.base == .int ? dialect.signedInteger("COALESCE(\(col), 0)") : "COALESCE(\(col), 0)"
            default: return col
            }
        }
        joins = scans.indices.map { i in "LEFT JOIN \(q("s\(i)")) ON \(q("s\(i)")).\(q("k")) = c.\(q(customer.key.column))" }

        // Ranks over the whole customer base are computed in their own CTE, before any filtering.
        var ranks: [PlanExpr] = []
        func collectRanks(_ e: PlanExpr) {
            if case .rank = e, !ranks.contains(e) { ranks.append(e) }
            e.children.forEach(collectRanks)
        }
        predicates.forEach(collectRanks)
        guard !ranks.isEmpty else { return }
        var rankLines = ["SELECT c.\(q(customer.key.column)) AS \(q("k"))"]
        for (i, r) in ranks.enumerated() {
            guard case .rank(let kind, let inner) = r else { continue }
            let v = writer.value(inner)
            let rankExpr = "RANK() OVER (PARTITION BY (\(v) IS NULL) ORDER BY \(v))"
            let bucket = dialect.integerDivide("\(kind.buckets) * (\(rankExpr) - 1)", "COUNT(\(v)) OVER ()")
            rankLines.append("  , CASE WHEN \(v) IS NULL THEN NULL ELSE 1 + \(bucket) END AS \(q("r\(i)"))")
        }
        rankLines.append("FROM \(q(customer.table)) AS c")
        rankLines += joins
        ctes.append("\(q("ranked")) AS (\n" + rankLines.map { "  " + $0 }.joined(separator: "\n") + "\n)")
        joins.append("LEFT JOIN \(q("ranked")) ON \(q("ranked")).\(q("k")) = c.\(q(customer.key.column))")
        writer.rank = { e in ranks.firstIndex(of: e).map { "\(q("ranked")).\(q("r\($0)"))" } ?? "NULL" }
    }

    /// `WITH …` (with a trailing newline), or nothing.
    var with: String { ctes.isEmpty ? "" : "WITH " + ctes.joined(separator: ",\n") + "\n" }

    /// The customer table with every join, ready to follow a SELECT list.
    func from(_ table: String) -> String {
        "FROM \(dialect.quote(table)) AS c\n" + joins.map { $0 + "\n" }.joined()
    }
}
