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

    /// `oneRowPerCustomer` says the query's own rows are the whole customer base, unfiltered where
    /// its columns are computed: ranks may then be window functions of those rows, where the
    /// dialect prefers it (`SQLDialect.ranksInline`).
    init(dialect: any SQLDialect, plan: ProjectPlan, scans planned: [ScanGroup], names: [FeatureID: String], predicates: [PlanExpr],
         oneRowPerCustomer: Bool = false) {
        self.dialect = dialect
        let scans = dialect.prefersFewerScans ? ScanPlanner.foldingCoveredScans(planned) : planned
        let customer = plan.schema.customer
        func q(_ s: String) -> String { dialect.quote(s) }
        var featureColumn: [FeatureID: String] = [:]
        var scanOf: [FeatureID: Int] = [:]
        for (i, g) in scans.enumerated() {
            for id in g.features {
                featureColumn[id] = "\(q("s\(i)")).\(q(names[id]!))"
                if scanOf[id] == nil { scanOf[id] = i }
            }
        }
        let scanWriter = ScanWriter(dialect: dialect, features: plan.features, layout: plan.schema.events.layout,
                                    allTypes: plan.schema.events.types, names: names)
        let sharing = LatestTimeSharing(scans: scans, features: plan.features, predicates: predicates)
        ctes = scans.enumerated().map { scanWriter.cte($1, index: $0, alias: "s\($0)", sharing: sharing) }
        writer = SQLExpressionWriter(dialect: dialect, features: plan.features, customerColumn: { f in "c.\(q(f.column))" })
        writer.feature = { id in
            let f = plan.features[id]
            if let a = sharing.shared[id].map({ sharing.aggregates[$0] }) {
                // A 0/1 count standing for the existence test every use of the feature makes.
                let latest = "\(q("s\(a.scan)")).\(q(a.name))"
                let since = f.window.map { "\(latest) >= \(dialect.timestamp(dialect.asOf, plusSeconds: -$0.seconds))" } ?? "\(latest) IS NOT NULL"
                return "(CASE WHEN \(since) THEN 1 ELSE 0 END)"
            }
            let col = featureColumn[id] ?? "NULL"
            switch f.function {
            case .count, .exists: return dialect.signedInteger("COALESCE(\(col), 0)")
            case .sum: return f.type.base == .int ? dialect.signedInteger("COALESCE(\(col), 0)") : "COALESCE(\(col), 0)"
            default: return col
            }
        }
        joins = scans.indices.map { i in "LEFT JOIN \(q("s\(i)")) ON \(q("s\(i)")).\(q("k")) = c.\(q(customer.key.column))" }

        // Ranks are over the whole customer base: computed in their own CTE, before any filtering,
        // unless the query's own rows are that base.
        var ranks: [PlanExpr] = []
        func collectRanks(_ e: PlanExpr) {
            if case .rank = e, !ranks.contains(e) { ranks.append(e) }
            e.forEachChild(collectRanks)
        }
        predicates.forEach(collectRanks)
        guard !ranks.isEmpty else { return }
        var rankColumns: [String] = []
        var rankScans = Set<Int>()
        for r in ranks {
            guard case .rank(let kind, let inner) = r else { continue }
            let v = writer.value(inner)
            rankScans.formUnion(inner.features.compactMap { scanOf[$0] })
            if FeatureSources.neverNull(inner, plan.features) {
                // Every customer is ranked, so the count is the customer table's: a scalar
                // subquery, evaluated once, where `COUNT(*) OVER ()` buffers every row a second time.
                let everyone = "(SELECT COUNT(*) FROM \(q(customer.table)))"
                let bucket = dialect.integerDivide("\(kind.buckets) * (RANK() OVER (ORDER BY \(v)) - 1)", everyone)
                rankColumns.append("1 + \(bucket)")
            } else {
                // Customers without a value get no rank, and do not count among those ranked.
                let rankExpr = "RANK() OVER (PARTITION BY (\(v) IS NULL) ORDER BY \(v))"
                let bucket = dialect.integerDivide("\(kind.buckets) * (\(rankExpr) - 1)", "COUNT(\(v)) OVER ()")
                rankColumns.append("CASE WHEN \(v) IS NULL THEN NULL ELSE 1 + \(bucket) END")
            }
        }
        if oneRowPerCustomer && dialect.ranksInline {
            let inline = rankColumns
            writer.rank = { e in ranks.firstIndex(of: e).map { "(\(inline[$0]))" } ?? "NULL" }
            return
        }
        var rankLines = ["SELECT c.\(q(customer.key.column)) AS \(q("k"))"]
        rankLines += rankColumns.enumerated().map { "  , \($1) AS \(q("r\($0)"))" }
        rankLines.append("FROM \(q(customer.table)) AS c")
        // Only the scans the ranked values read: the rank sorts every customer, so its rows stay narrow.
        rankLines += joins.indices.filter(rankScans.contains).map { joins[$0] }
        ctes.append(dialect.cte("ranked", rankLines))
        joins.append("LEFT JOIN \(q("ranked")) ON \(q("ranked")).\(q("k")) = c.\(q(customer.key.column))")
        writer.rank = { e in ranks.firstIndex(of: e).map { "\(q("ranked")).\(q("r\($0)"))" } ?? "NULL" }
    }

    /// Whether a ranked value is known never to be null: a count or a sum (zero without events).
    static func neverNull(_ e: PlanExpr, _ features: FeatureTable) -> Bool {
        switch e {
        case .feature(let id): return [.count, .exists, .sum].contains(features[id].function)
        case .coalesce(let a, let b): return neverNull(a, features) || neverNull(b, features)
        default: return e.isNonNullConstant
        }
    }
}

private extension PlanExpr {
    var isNonNullConstant: Bool {
        if case .constant(let v) = self { return v != .null }
        return false
    }
}
