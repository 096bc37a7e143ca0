import HeraldPlan

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
        var out = SQLBuffer(dialect, capacity: 1024)
        write(e, key: key, into: &out)
        return out.text
    }

    /// The arm's expression written at the end of `out`: the bucket's text once per arm boundary.
    func write(_ e: ExperimentPlan, key: String, into out: inout SQLBuffer) {
        guard e.holdoutBuckets > 0 || e.variants.count > 1 else {
            out.add(dialect.string(e.variants.last ?? "holdout"))
            return
        }
        let b = bucket(e.id, key: key)
        out.add("CASE")
        if e.holdoutBuckets > 0 {
            out.add(" WHEN ", b, " < ", String(e.holdoutBuckets), " THEN ", dialect.string("holdout"))
        }
        for (i, v) in e.variants.enumerated().dropLast() {
            out.add(" WHEN ", b, " < ", String(e.bounds[i + 1]), " THEN ", dialect.string(v))
        }
        out.add(" ELSE ", dialect.string(e.variants.last ?? "holdout"), " END")
    }
}
