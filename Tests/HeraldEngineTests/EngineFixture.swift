import Foundation
import HeraldDatabase
import HeraldDriver
import HeraldRuntime
import HeraldSQL
import HeraldSchema
import HeraldTestSupport
import Testing

/// Real engines for tests: SQLite in memory, and the PostgreSQL cluster `scripts/test` starts
/// (its URL in `HERALD_TEST_POSTGRES`). Each PostgreSQL fixture gets a schema of its own so tests
/// can run in parallel.
enum EngineFixture {
    static func sqlite(_ schema: Schema, _ data: SampleDataset) throws -> SQLiteConnection {
        let db = try SQLiteConnection(path: ":memory:")
        try SampleLoader(schema: schema, dialect: SQLiteDialect()).load(data, into: db)
        return db
    }

    static var postgresURL: String? { ProcessInfo.processInfo.environment["HERALD_TEST_POSTGRES"] }

    /// A connection whose search path is a fresh schema holding the data; fails the test when no cluster is running.
    static func postgres(_ schema: Schema, _ data: SampleDataset) throws -> PostgresConnection {
        guard let url = postgresURL else {
            throw DatabaseError("HERALD_TEST_POSTGRES is not set: run the tests with scripts/test, which starts a PostgreSQL cluster")
        }
        let db = try PostgresConnection(url: url)
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try db.execute("CREATE SCHEMA \(name); SET search_path TO \(name); SET TIME ZONE 'UTC'")
        try SampleLoader(schema: schema, dialect: PostgresDialect()).load(data, into: db)
        return db
    }

    /// The customer keys an audience query returns.
    static func keys(_ sql: String, _ dialect: any SQLDialect, _ db: DatabaseConnection, asOf: Int64) throws -> [String] {
        let r = try AudienceRunner.run(sql, dialect: dialect, on: db, asOf: asOf)
        return r.rows.map { $0[0].description }
    }
}
