import HeraldSchema

/// Who must never get marketing mail, read once per query: the suppression table joined onto the
/// customers by key and by address, so that every marketing rule tests one column per customer
/// instead of searching the table again.
struct SuppressionJoin: Sendable {
    /// `LEFT JOIN` clauses onto the customer row `c`; empty without a suppression table.
    private(set) var joins: [String] = []
    /// True for a customer nobody suppressed; nil without a suppression table.
    private(set) var allowed: String?

    init(dialect: any SQLDialect, schema: Schema) {
        guard let s = schema.suppression else { return }
        func q(_ x: String) -> String { dialect.quote(x) }
        var tests: [String] = []
        // Distinct non-null values: a join that never repeats a customer, whatever the table holds.
        func join(_ column: String, onto customerColumn: String, alias: String) {
            joins.append("LEFT JOIN (SELECT DISTINCT x.\(q(column)) AS \(q("v")) FROM \(q(s.table)) AS x WHERE x.\(q(column)) IS NOT NULL) AS \(q(alias)) "
                         + "ON \(q(alias)).\(q("v")) = c.\(q(customerColumn))")
            tests.append("\(q(alias)).\(q("v")) IS NULL")
        }
        if let col = s.customerColumn { join(col, onto: schema.customer.key.column, alias: "herald_suppressed_key") }
        if let col = s.emailColumn, let e = schema.customer.email { join(col, onto: e.column, alias: "herald_suppressed_email") }
        if !tests.isEmpty { allowed = tests.joined(separator: " AND ") }
    }
}
