import Foundation
import HeraldRuntime
import HeraldSQL
import HeraldSchema
import HeraldSupport

/// Runs queries on DuckDB, ClickHouse (chdb) and Spark SQL through `Tests/python/run_engines.py`:
/// the tables of a dataset are written as JSON Lines, loaded by each engine, and queried.
public struct PythonEngines {
    public struct Query {
        public var id: String
        public var engine: String
        public var sql: String
        /// The instant to bind, when it is not the dataset's `asOf`.
        public var asOf: Int64?

        public init(id: String, engine: String, sql: String, asOf: Int64? = nil) {
            self.id = id
            self.engine = engine
            self.sql = sql
            self.asOf = asOf
        }
    }

    public struct Result {
        public var columns: [String]
        public var rows: [[JSONValue]]
        public var error: String?
    }

    public static let engines = ["duckdb", "clickhouse", "spark"]

    /// Runs every query; the result of each is its rows or the engine's error.
    public static func run(schema: Schema, data: SampleDataset, queries: [Query], engines: [String] = PythonEngines.engines) throws
        -> (results: [String: Result], seconds: [String: Double]) {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let dialects: [String: any SQLDialect] = ["duckdb": DuckDBDialect(), "clickhouse": ClickHouseDialect(), "spark": SparkDialect()]
        var tables: [JSONValue] = []
        for t in SampleTable.tables(schema, data) {
            let file = dir.appendingPathComponent("\(tables.count).jsonl")
            var text = ""
            for row in t.rows {
                var o: [String: JSONValue] = [:]
                for (c, v) in zip(t.columns, row) { o[c.name] = textValue(v) }
                text += JSONValue.object(o).compactText() + "\n"
            }
            try Data(text.utf8).write(to: file)
            tables.append(.object([
                "name": .string(t.name),
                "rows_file": .string(file.path),
                "columns": .array(t.columns.map { c in
                    var o: [String: JSONValue] = ["name": .string(c.name), "nullable": .bool(c.nullable), "type": .string(typeName(c))]
                    for (engine, d) in dialects { o[engine] = .string(c.isJSON ? (engine == "duckdb" ? "JSON" : d.sqlType(.string)) : d.sqlType(c.type)) }
                    return .object(o)
                }),
            ]))
        }
        let job: JSONValue = [
            "as_of": .string(CivilTime.iso8601(data.asOf)),
            "as_of_sql": .string(CivilTime.sqlText(data.asOf)),
            "engines": .array(engines.map { .string($0) }),
            "tables": .array(tables),
            // Whether each query binds `as_of` is decided as send systems decide it (outside literals).
            "queries": .array(queries.map { q in
                var o: [String: JSONValue] = ["id": .string(q.id), "engine": .string(q.engine), "sql": .string(q.sql),
                                              "binds_as_of": .bool(dialects[q.engine]?.usesParameter(q.sql) ?? false)]
                if let t = q.asOf { o["as_of"] = .string(CivilTime.iso8601(t)); o["as_of_sql"] = .string(CivilTime.sqlText(t)) }
                return .object(o)
            }),
        ]
        let jobFile = dir.appendingPathComponent("job.json"), resultFile = dir.appendingPathComponent("result.json")
        try Data(job.compactText().utf8).write(to: jobFile)
        let r = try PythonProcess.run("run_engines.py", [jobFile.path, resultFile.path])
        guard r.status == 0, let data = FileManager.default.contents(atPath: resultFile.path) else {
            throw EngineFailure(message: "run_engines.py failed (exit \(r.status)): \(r.output.suffix(3000))")
        }
        let parsed = try JSONParser.parse([UInt8](data))
        var results: [String: Result] = [:]
        for (id, v) in parsed["results"]?.objectValue ?? [:] {
            results[id] = Result(columns: v["columns"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                                 rows: v["rows"]?.arrayValue?.compactMap(\.arrayValue) ?? [], error: v["error"]?.stringValue)
        }
        var seconds: [String: Double] = [:]
        for (engine, v) in parsed["seconds"]?.objectValue ?? [:] { seconds[engine] = v.doubleValue }
        return (results, seconds)
    }

    public struct EngineFailure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    static func typeName(_ c: SampleTable.Column) -> String {
        if c.isJSON { return "json" }
        switch c.type {
        case .timestamp: return "timestamp"
        case .date: return "date"
        default: return c.type.description
        }
    }

    /// Every value as text (engines cast while loading), null as null.
    static func textValue(_ v: Value) -> JSONValue {
        switch v {
        case .null: return .null
        case .bool(let b): return .string(b ? "true" : "false")
        case .int(let i): return .string(String(i))
        case .decimal(let d): return .string(d)
        case .string(let s): return .string(s)
        case .timestamp(let t): return .string(CivilTime.iso8601(t))
        case .date(let d): return .string(CivilTime.isoDate(d))
        case .duration(let s): return .string(String(s))
        }
    }
}
