import ArgumentParser
import Foundation
import HeraldDatabase
import HeraldDriver
import HeraldPlan
import HeraldRuntime
import HeraldSQL
import HeraldSchema

/// `herald-bench sql`: every audience of a project on SQLite, DuckDB and PostgreSQL over a large
/// generated dataset, four ways: (a) Herald's plan (one query; one shared scan reading each event
/// type within its widest window, plus one scan per event type whose properties are read), (b) one
/// correlated subquery per predicate, campaign by campaign, (c) one fused
/// grouped scan over every event, (d) the floor: one bare grouped scan of only the rows any
/// audience can touch; and for context (e), that floor joined onto every customer with one 0/1
/// column per campaign, the result's shape without its conditions.
struct SQLBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sql", abstract: "Benchmark the generated SQL against hand-written strategies.")

    @Option(help: "The project whose audiences are measured.") var project = "examples/shop"
    @Option(help: "Instead of --project, generate a project of this many segments (one campaign each).") var segments: Int?
    @Option(help: "Customers to generate.") var customers = 1_000_000
    @Option(name: .customLong("events-per-customer"), help: "The generator's event-count knob (26 gives about 20 events per customer).")
    var eventsPerCustomer = 26
    @Option(help: "Engines, comma-separated.") var engines = "sqlite,duckdb,postgres"
    @Option(help: "PostgreSQL URL (required for the postgres engine).") var postgres: String?
    @Option(help: "The Python with duckdb installed.") var python = ".venv/bin/python"
    @Option(help: "Working folder for data files and databases.") var work = "out/bench-sql"
    @Option(help: "Rounds: every query runs once per round, in turn with the others (the median counts; a query over 30 s runs in the first round only).") var `repeat` = 3

    func run() throws {
        let workURL = URL(fileURLWithPath: work)
        try? FileManager.default.removeItem(at: workURL)
        try FileManager.default.createDirectory(at: workURL, withIntermediateDirectories: true)
        var projectPath = project
        if let n = segments {
            let dir = workURL.appendingPathComponent("project")
            try SegmentProject.write(segments: n, schemaFrom: URL(fileURLWithPath: "examples/shop"), to: dir)
            projectPath = dir.path
        }
        let compilation = Compilation.run(ProjectLoader.load(projectPath))
        guard !compilation.diagnostics.hasErrors, let plan = compilation.plan, let schema = compilation.checked?.schema else {
            throw BenchFailure("the project does not compile: \(compilation.diagnostics.items.prefix(3).map(\.message))")
        }
        let options = SampleOptions(customers: customers, seed: 7, eventsPerCustomer: eventsPerCustomer)
        let started = Date()
        let files = try BenchData.write(schema: schema, options: options, to: workURL)
        log("data: \(files.customerCount) customers, \(files.eventCount) events in \(Int(Date().timeIntervalSince(started))) s")
        var reports: [String] = []
        for engine in engines.split(separator: ",").map(String.init) {
            let runner = try EngineRunner(engine: engine, work: workURL, postgres: postgres, python: python, repeat: `repeat`)
            let strategies = BenchStrategies(plan: plan, dialect: runner.dialect)
            let result = try runner.run(schema: schema, files: files, queries: strategies.queries, asOf: options.asOf)
            reports.append(BenchReport.markdown(engine: engine, result: result, campaigns: plan.campaigns.count))
        }
        print("## \(segments.map { "\($0) generated segments" } ?? projectPath): \(files.customerCount) customers, \(files.eventCount) events\n")
        print(reports.joined(separator: "\n"))
    }

    func log(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }
}

/// The strategies' queries: strategy letter → queries (one per campaign for the naive strategy).
struct BenchStrategies {
    let queries: [(strategy: String, id: String, sql: String)]

    init(plan: ProjectPlan, dialect: any SQLDialect) {
        var q: [(String, String, String)] = []
        q.append(("a", "herald", ProjectAudienceQuery(dialect: dialect, plan: plan).sql(plan.campaigns)))
        for c in plan.campaigns { q.append(("b", "naive/\(c.name)", NaiveAudienceQuery(dialect: dialect, plan: plan).sql(c))) }
        q.append(("c", "fused", ProjectAudienceQuery(dialect: dialect, plan: plan, strategy: .singleFullScan).sql(plan.campaigns)))
        q.append(("d", "floor", BenchStrategies.floor(plan: plan, dialect: dialect)))
        q.append(("e", "floor-with-result", BenchStrategies.floorWithResult(plan: plan, dialect: dialect)))
        queries = q
    }

    /// One bare grouped scan of the rows any audience can touch: its event types inside its widest
    /// window. Its columns are `k` (the customer) and `n` (the count).
    static func floor(plan: ProjectPlan, dialect: any SQLDialect) -> String {
        guard case .singleTable(let table, let customer, let name, let time, _) = plan.schema.events.layout else { return "" }
        var used = Set<FeatureID>()
        for c in plan.campaigns { used.formUnion(c.audience.features) }
        let features = used.map { plan.features[$0] }
        let widest = features.contains { $0.window == nil } ? nil : features.compactMap(\.window).max()
        let readsAny = features.contains { $0.event == nil }
        let types = Set(features.compactMap { $0.event?.sourceName }).sorted()
        var conditions = ["e.\(dialect.quote(time)) <= \(dialect.asOf)"]
        if let w = widest { conditions.append("e.\(dialect.quote(time)) >= \(dialect.timestamp(dialect.asOf, plusSeconds: -w.seconds))") }
        if !readsAny { conditions.append("e.\(dialect.quote(name)) IN (\(types.map(dialect.string).joined(separator: ", ")))") }
        return "SELECT e.\(dialect.quote(customer)) AS \(dialect.quote("k")), COUNT(*) AS \(dialect.quote("n")) FROM \(dialect.quote(table)) AS e WHERE \(conditions.joined(separator: " AND ")) GROUP BY e.\(dialect.quote(customer))"
    }

    /// The floor with the result (a) returns: the same bare grouped scan joined onto every
    /// customer, one 0/1 column per campaign from the count (a threshold of its own each, so that
    /// no engine computes one column for all), in customer order. What the floor leaves out and
    /// every audience query must do: touch each customer row and assemble a row of flags.
    static func floorWithResult(plan: ProjectPlan, dialect: any SQLDialect) -> String {
        let scan = floor(plan: plan, dialect: dialect)
        guard !scan.isEmpty else { return "" }
        let key = plan.schema.customer.key, q = dialect.quote
        let flags = plan.campaigns.enumerated().map { i, c in
            "CASE WHEN COALESCE(\(q("s")).\(q("n")), 0) >= \(i) THEN 1 ELSE 0 END AS \(q(c.name))"
        }
        return "WITH \(q("s")) AS (\(scan))\nSELECT c.\(q(key.column)) AS \(q(key.name)), " + flags.joined(separator: ", ")
            + "\nFROM \(q(plan.schema.customer.table)) AS c LEFT JOIN \(q("s")) ON \(q("s")).\(q("k")) = c.\(q(key.column))"
            + "\nORDER BY \(q(key.name))"
    }
}
