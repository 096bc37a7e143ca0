import HeraldSchema

/// The text of a results query that depends only on the dialect and the schema: the recipients
/// CTE around the campaign's name, the outcomes CTE around the goal, and the two-proportion z-test
/// (the arms CTE, the tests CTE around the first arm's name, and the final SELECT with the p-value).
/// A piece that ends in a space spells it `\u{20}`: editors strip a literal's trailing spaces.
struct ResultsQueryText: Sendable {
    /// `herald_recipients AS (…` up to the campaign's name, and from it to the CTE's end.
    let recipientsHead: String
    let recipientsTail: String
    /// `herald_outcomes AS (…CASE WHEN ` up to the goal, and from it to the customer join.
    let outcomesHead: String
    let outcomesTail: String
    let arms: String
    /// The tests CTE up to the first arm's name, and from there to its second use.
    let testsHead: String
    let testsMiddle: String
    let select: String

    init(_ dialect: any SQLDialect, sends: SendsTable, customer: CustomerModel) {
        func q(_ s: String) -> String { dialect.quote(s) }
        recipientsHead = """
            WITH \(q("herald_recipients")) AS (
              SELECT x.\(q(sends.customerColumn)) AS \(q("k")), MIN(x.\(q(sends.sentAtColumn))) AS \(q("sent_at")), MIN(x.\(q(sends.armColumn))) AS \(q("arm"))
              FROM \(q(sends.table)) AS x
              WHERE x.\(q(sends.campaignColumn)) =\u{20}
            """
        recipientsTail = """

                AND x.\(q(sends.sentAtColumn)) <= \(dialect.asOf)
              GROUP BY x.\(q(sends.customerColumn))
            )
            """
        outcomesHead = """
            \(q("herald_outcomes")) AS (
              SELECT r.\(q("k")) AS \(q("k")), r.\(q("arm")) AS \(q("arm")),
                CASE WHEN\u{20}
            """
        outcomesTail = """
             THEN 1 ELSE 0 END AS \(q("converted"))
              FROM \(q("herald_recipients")) AS r
              LEFT JOIN \(q(customer.table)) AS c ON c.\(q(customer.key.column)) = r.\(q("k"))
            """

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
                CASE WHEN a.\(q("arm")) =\u{20}
            """
        testsMiddle = """
             OR \(undefined) THEN NULL
                     ELSE \(z) END AS \(q("z"))
              FROM \(q("herald_arms")) AS a
              LEFT JOIN \(q("herald_arms")) AS b ON b.\(q("arm")) =\u{20}
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
