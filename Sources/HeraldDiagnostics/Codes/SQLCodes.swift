/// H06xx: SQL targets and generation.
extension DiagnosticKind {
    public static let unknownDialect = DiagnosticKind("H0601", "unknown-dialect", .error,
        summary: "A target in `herald.yaml` is not a SQL dialect Herald knows.",
        explanation: """
        `targets:` lists the engines the bundle carries SQL for: `sqlite`, `postgres`, `duckdb`,
        `clickhouse`, `spark`, `bigquery` and `snowflake`. Without `targets:`, Herald builds for
        `sqlite` and `postgres`.
        """)

    public static let dialectCannotExpress = DiagnosticKind("H0602", "dialect-cannot-express", .error,
        summary: "A target engine cannot express what a campaign needs.",
        explanation: """
        Herald writes one query per campaign and target. When an engine lacks a feature the campaign
        relies on, the build stops rather than emit SQL that would behave differently there. Today
        this happens for ClickHouse, which converts times only to a constant time zone: quiet hours
        and schedules read in each customer's own zone (`customer: { timezone: tz }` in
        `schema.yaml`) cannot be written for it. Remove the target, or use the project's zone.
        """)

    public static let sqlKinds: [DiagnosticKind] = [unknownDialect, dialectCannotExpress]
}
