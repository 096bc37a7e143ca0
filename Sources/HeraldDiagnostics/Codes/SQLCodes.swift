/// H06xx: SQL targets and generation.
extension DiagnosticKind {
    public static let unknownDialect = DiagnosticKind("H0601", "unknown-dialect", .error,
        summary: "A target in `herald.yaml` is not a SQL dialect Herald knows.",
        explanation: """
        `targets:` lists the engines the bundle carries SQL for: `sqlite`, `postgres`, `duckdb`,
        `clickhouse`, `spark`, `bigquery` and `snowflake`. Without `targets:`, Herald builds for
        `sqlite` and `postgres`.
        """)

    public static let sqlKinds: [DiagnosticKind] = [unknownDialect]
}
