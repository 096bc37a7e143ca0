/// The registry of SQL dialects, by the name `herald.yaml` targets use.
public enum Dialects {
    public static let all: [any SQLDialect] = [
        SQLiteDialect(), PostgresDialect(), DuckDBDialect(), ClickHouseDialect(), SparkDialect(), BigQueryDialect(), SnowflakeDialect(),
    ]

    public static var names: [String] { all.map(\.name) }

    public static func named(_ name: String) -> (any SQLDialect)? { all.first { $0.name == name } }

    /// Targets when `herald.yaml` lists none: the embedded default and PostgreSQL.
    public static let defaultTargets = ["sqlite", "postgres"]
}
