import HeraldChecker
import HeraldPlan
import HeraldSchema

/// Writes a campaign's audience query: one row per recipient with exactly the columns its message
/// needs (key, address, the fields templates read, the chosen block per slot, the experiment arm).
public struct AudienceQuery {
    public let dialect: any SQLDialect
    public let plan: ProjectPlan

    public init(dialect: any SQLDialect, plan: ProjectPlan) {
        self.dialect = dialect
        self.plan = plan
    }

    private func q(_ s: String) -> String { dialect.quote(s) }

    /// Column names the query returns for a campaign, in order.
    public func columns(_ c: CampaignPlan) -> [String] {
        let customer = plan.schema.customer
        var cols = [customer.key.name]
        if let e = customer.email { cols.append(e.name) }
        cols += c.fields.map(\.name)
        cols += c.blocks.map { "herald_block_\($0.slot)" }
        if c.experiment != nil { cols.append("herald_arm") }
        return cols
    }

    public func sql(_ c: CampaignPlan) -> String {
        let customer = plan.schema.customer
        let scans = c.scans
        let names = c.featureNames
        var featureColumn: [FeatureID: String] = [:]
        for (i, g) in scans.enumerated() {
            for id in g.features { featureColumn[id] = "\(q("s\(i)")).\(q(names[id]!))" }
        }
        let scanWriter = ScanWriter(dialect: dialect, features: plan.features, layout: plan.schema.events.layout,
                                    allTypes: plan.schema.events.types, names: names)
        var ctes = scans.enumerated().map { scanWriter.cte($1, alias: "s\($0)") }
        var writer = SQLExpressionWriter(dialect: dialect, features: plan.features, customerColumn: { f in "c.\(self.q(f.column))" })
        writer.feature = { id in
            let col = featureColumn[id] ?? "NULL"
            let f = self.plan.features[id]
            switch f.function {
            case .count, .exists: return self.dialect.signedInteger("COALESCE(\(col), 0)")
            case .sum: return f.type.base == .int ? self.dialect.signedInteger("COALESCE(\(col), 0)") : "COALESCE(\(col), 0)"
            default: return col
            }
        }
        var joins = scans.indices.map { i in "LEFT JOIN \(q("s\(i)")) ON \(q("s\(i)")).\(q("k")) = c.\(q(customer.key.column))" }

        // Ranks over the whole customer base are computed in their own CTE, before any filtering.
        var ranks: [PlanExpr] = []
        func collectRanks(_ e: PlanExpr) {
            if case .rank = e, !ranks.contains(e) { ranks.append(e) }
            e.children.forEach(collectRanks)
        }
        collectRanks(c.audience)
        for b in c.blocks { b.conditions.compactMap { $0 }.forEach(collectRanks) }
        if !ranks.isEmpty {
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
            writer.rank = { e in ranks.firstIndex(of: e).map { "\(self.q("ranked")).\(self.q("r\($0)"))" } ?? "NULL" }
        }

        var select: [String] = ["c.\(q(customer.key.column)) AS \(q(customer.key.name))"]
        if let e = customer.email { select.append("c.\(q(e.column)) AS \(q(e.name))") }
        for f in c.fields { select.append("c.\(q(f.column)) AS \(q(f.name))") }
        for b in c.blocks {
            var cases: [String] = []
            var fallback = "NULL"
            for (i, cond) in b.conditions.enumerated() {
                if let cond { cases.append("WHEN \(writer.condition(cond)) THEN \(i)") } else { fallback = String(i); break }
            }
            let expr = cases.isEmpty ? fallback : "CASE \(cases.joined(separator: " ")) ELSE \(fallback) END"
            select.append("\(expr) AS \(q("herald_block_\(b.slot)"))")
        }
        if let e = c.experiment { select.append("\(ArmAssignment(dialect: dialect).sql(e, key: "c.\(q(customer.key.column))")) AS \(q("herald_arm"))") }

        var whereParts: [String] = []
        if c.audience != .true { whereParts.append(writer.condition(c.audience)) }
        if c.isMarketing, let s = plan.schema.suppression {
            // NOT IN over non-null keys rather than a correlated NOT EXISTS, which not every engine runs.
            if let col = s.customerColumn {
                whereParts.append("c.\(q(customer.key.column)) NOT IN (SELECT x.\(q(col)) FROM \(q(s.table)) AS x WHERE x.\(q(col)) IS NOT NULL)")
            }
            if let col = s.emailColumn, let e = customer.email {
                whereParts.append("c.\(q(e.column)) NOT IN (SELECT x.\(q(col)) FROM \(q(s.table)) AS x WHERE x.\(q(col)) IS NOT NULL)")
            }
        }
        var out = ""
        if !ctes.isEmpty { out += "WITH " + ctes.joined(separator: ",\n") + "\n" }
        out += "SELECT " + select.joined(separator: ",\n       ") + "\n"
        out += "FROM \(q(customer.table)) AS c\n"
        for j in joins { out += j + "\n" }
        if !whereParts.isEmpty { out += "WHERE " + whereParts.joined(separator: "\n  AND ") + "\n" }
        out += "ORDER BY c.\(q(customer.key.column))\n"
        if !dialect.querySuffix.isEmpty { out += dialect.querySuffix + "\n" }
        return out
    }
}

/// The experiment arm as SQL: md5 of `id:key` into 10,000 buckets, holdout first, then the
/// variants by weight in declared order (docs/experiments.md has the worked example).
public struct ArmAssignment {
    public let dialect: any SQLDialect

    public init(dialect: any SQLDialect) { self.dialect = dialect }

    public func bucket(_ experimentID: String, key: String) -> String {
        let text = dialect.concat([dialect.string(experimentID + ":"), dialect.toText(key)])
        return dialect.modulo(dialect.hexPrefixToInt(dialect.md5Hex(text)), 10_000)
    }

    public func sql(_ e: ExperimentPlan, key: String) -> String {
        let b = bucket(e.id, key: key)
        var cases: [String] = []
        if e.holdoutBuckets > 0 { cases.append("WHEN \(b) < \(e.holdoutBuckets) THEN \(dialect.string("holdout"))") }
        for (i, v) in e.variants.enumerated().dropLast() { cases.append("WHEN \(b) < \(e.bounds[i + 1]) THEN \(dialect.string(v))") }
        let last = dialect.string(e.variants.last ?? "holdout")
        return cases.isEmpty ? last : "CASE \(cases.joined(separator: " ")) ELSE \(last) END"
    }
}
