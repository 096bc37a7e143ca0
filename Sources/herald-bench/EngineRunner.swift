import Foundation
import HeraldDatabase
import HeraldRuntime
import HeraldSQL
import HeraldSchema
import HeraldSupport

/// Loads the benchmark's CSV files into one engine and times queries on it. The events table is
/// stored in (event name, time) order, as a warehouse clusters it, and indexed on (event name,
/// time) and on (customer, event name, time).
struct EngineRunner {
    struct Result {
        var loadSeconds: Double
        /// Query id → run times in seconds.
        var times: [String: [Double]]
        var rows: [String: Int]
    }

    let engine: String
    let dialect: any SQLDialect
    let work: URL
    let postgres: String?
    let python: String
    let repeatCount: Int

    init(engine: String, work: URL, postgres: String?, python: String, repeat: Int) throws {
        self.engine = engine
        self.work = work
        self.postgres = postgres
        self.python = python
        self.repeatCount = max(1, `repeat`)
        guard let d = Dialects.named(engine), ["sqlite", "duckdb", "postgres"].contains(engine) else {
            throw BenchFailure("the SQL benchmark runs on sqlite, duckdb and postgres, not `\(engine)`")
        }
        dialect = d
        if engine == "postgres" && postgres == nil { throw BenchFailure("--postgres URL is required for the postgres engine") }
    }

    /// DDL for the customers and events tables, split into table creation and index creation.
    func ddl(_ schema: Schema) -> (tables: [String], indexes: [String], loads: [(table: String, columns: [String])]) {
        let empty = SampleDataset(asOf: 0, customers: [], events: [], relations: [:], suppressed: [])
        let loader = SampleLoader(schema: schema, dialect: dialect)
        var tables: [String] = [], indexes: [String] = [], loads: [(String, [String])] = []
        let all = SampleTable.tables(schema, empty)
        for t in all.prefix(2) {
            for s in loader.ddl(t) { if s.hasPrefix("CREATE INDEX") { indexes.append(s) } else { tables.append(s) } }
            loads.append((t.name, t.columns.map(\.name)))
        }
        // Marketing audiences read the suppression list: it exists, empty, as in a fresh warehouse.
        if let s = schema.suppression, let t = all.first(where: { $0.name == s.table }) {
            tables += loader.ddl(t).filter { !$0.hasPrefix("CREATE INDEX") }
        }
        return (tables, indexes, loads)
    }

    func run(schema: Schema, files: BenchData.Files, queries: [(strategy: String, id: String, sql: String)], asOf: Int64) throws -> Result {
        let (tables, indexes, loads) = ddl(schema)
        let csv = [files.customers, files.events]
        guard case .singleTable(_, _, let nameColumn, let timeColumn, _) = schema.events.layout else { throw BenchFailure("single-table layout expected") }
        // The physical order of each table: customers as generated, events clustered.
        let order: [[String]] = [[], [nameColumn, timeColumn]]
        switch engine {
        case "duckdb":
            let job: JSONValue = [
                "database": .string(work.appendingPathComponent("bench.duckdb").path),
                "ddl": .array(tables.map { .string($0) }), "indexes": .array(indexes.map { .string($0) }),
                "loads": .array(zip(zip(loads, csv), order).map { lf, o in
                    ["table": .string(lf.0.table), "csv": .string(lf.1.path), "order_by": .array(o.map { .string(dialect.quote($0)) })]
                }),
                "as_of": .string(CivilTime.iso8601(asOf)), "repeat": .int(Int64(repeatCount)),
                "queries": .array(queries.map { ["id": .string($0.id), "sql": .string($0.sql), "binds_as_of": .bool(dialect.usesParameter($0.sql))] }),
            ]
            let jobURL = work.appendingPathComponent("duckdb-job.json"), resultURL = work.appendingPathComponent("duckdb-result.json")
            try Data(job.compactText().utf8).write(to: jobURL)
            try shell(python, ["scripts/bench/duckdb_bench.py", jobURL.path, resultURL.path])
            let r = try JSONParser.parse([UInt8](Data(contentsOf: resultURL)))
            var times: [String: [Double]] = [:], rows: [String: Int] = [:]
            for (id, v) in r["queries"]?.objectValue ?? [:] {
                times[id] = v["seconds"]?.arrayValue?.compactMap(\.doubleValue) ?? []
                rows[id] = Int(v["rows"]?.intValue ?? 0)
            }
            return Result(loadSeconds: r["load_seconds"]?.doubleValue ?? 0, times: times, rows: rows)
        case "sqlite":
            let path = work.appendingPathComponent("bench.sqlite").path
            let start = Date()
            let db = try SQLiteConnection(path: path)
            for s in tables { try db.execute(s) }
            for ((l, f), o) in zip(zip(loads, csv), order) {
                // The CLI creates the staging table from the CSV header; rows then go in clustered order.
                try shell("sqlite3", [path, ".import --csv \(f.path) staging"])
                let orderBy = o.isEmpty ? "" : " ORDER BY " + o.map(dialect.quote).joined(separator: ", ")
                try db.execute("INSERT INTO \(dialect.quote(l.table)) SELECT * FROM staging\(orderBy)")
                try db.execute("DROP TABLE staging")
            }
            for s in indexes { try db.execute(s) }
            try db.execute("ANALYZE")
            return try time(queries, db: db, asOf: asOf, loadSeconds: Date().timeIntervalSince(start))
        default:
            let start = Date()
            let db = try PostgresConnection(url: postgres!)
            for s in tables { try db.execute(s) }
            for (l, f) in zip(loads, csv) {
                try shell("psql", [postgres!, "-q", "-c", "\\copy \(dialect.quote(l.table)) FROM '\(f.path)' WITH (FORMAT csv, HEADER true)"])
            }
            for s in indexes { try db.execute(s) }
            // Index 0 of the events table is (event name, time): the clustering order.
            try db.execute("CLUSTER \(dialect.quote(loads[1].table)) USING \(dialect.quote("\(loads[1].table)_0"))")
            try db.execute("ANALYZE")
            try db.execute("SET work_mem = '256MB'; SET max_parallel_workers_per_gather = 2")
            return try time(queries, db: db, asOf: asOf, loadSeconds: Date().timeIntervalSince(start))
        }
    }

    /// Runs every query once per round, `repeatCount` rounds: a machine's speed drifts within
    /// minutes, and timing one strategy's runs back to back let that drift separate strategies.
    /// A query over 30 s runs in the first round only.
    func time(_ queries: [(strategy: String, id: String, sql: String)], db: DatabaseConnection, asOf: Int64, loadSeconds: Double) throws -> Result {
        var times: [String: [Double]] = [:], rows: [String: Int] = [:]
        for round in 0..<repeatCount {
            for q in queries where round == 0 || (times[q.id]?.max() ?? 0) <= 30 {
                let start = Date()
                let r = try AudienceRunner.run(q.sql, dialect: dialect, on: db, asOf: asOf)
                times[q.id, default: []].append(Date().timeIntervalSince(start))
                rows[q.id] = r.rows.count
            }
        }
        for q in queries {
            FileHandle.standardError.write(Data("  \(engine) \(q.id): \(String(format: "%.2f", median(times[q.id]!))) s\n".utf8))
        }
        return Result(loadSeconds: loadSeconds, times: times, rows: rows)
    }

    func shell(_ command: String, _ arguments: [String]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [command] + arguments
        try p.run()
        p.waitUntilExit()
        if p.terminationStatus != 0 { throw BenchFailure("`\(command)` failed with status \(p.terminationStatus)") }
    }
}

/// The benchmark's Markdown table for one engine.
enum BenchReport {
    static func markdown(engine: String, result r: EngineRunner.Result, campaigns: Int) -> String {
        let a = median(r.times["herald"] ?? [])
        let b = r.times.filter { $0.key.hasPrefix("naive/") }.values.map(median).reduce(0, +)
        let c = median(r.times["fused"] ?? []), d = median(r.times["floor"] ?? []), e = median(r.times["floor-with-result"] ?? [])
        func s(_ x: Double) -> String { String(format: "%.2f s", x) }
        func ratio(_ x: Double, _ y: Double) -> String { String(format: "%.2f×", x / y) }
        var out = "### \(engine) (load and index: \(s(r.loadSeconds)))\n\n"
        out += "| strategy | time | (a) is faster by |\n| --- | --- | --- |\n"
        out += "| (a) Herald's plan: one query, each event type read within its widest window, properties only where needed | \(s(a)) | — |\n"
        out += "| (b) one correlated subquery per predicate, \(campaigns) queries | \(s(b)) | \(ratio(b, a)) |\n"
        out += "| (c) one fused grouped scan over every event | \(s(c)) | \(ratio(c, a)) |\n"
        out += "| (d) floor: bare grouped scan of the rows any audience touches | \(s(d)) | \(ratio(d, a)) |\n"
        out += "| (e) the floor joined onto every customer, one 0/1 column per campaign, in key order | \(s(e)) | \(ratio(e, a)) |\n"
        let herald = r.rows["herald"] ?? 0, fused = r.rows["fused"] ?? 0
        out += "\n(a) and (c) return the same \(herald == fused ? "\(herald) rows" : "row counts? NO: \(herald) vs \(fused)").\n"
        return out
    }
}
