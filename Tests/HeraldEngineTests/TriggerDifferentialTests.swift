import Foundation
import HeraldDatabase
import HeraldDriver
import HeraldPlan
import HeraldRuntime
import HeraldSQL
import HeraldSchema
import HeraldSupport
import HeraldTestSupport
import Testing

/// The trigger simulator and the eligibility queries agree, tick by tick: on generated customers
/// and event logs (bursts exactly at delay and window edges, events in quiet hours, customers in
/// five time zones), every campaign's eligibility query run on SQLite and PostgreSQL at each tick,
/// with its rows fed back into the sends log, returns exactly the sends the simulator makes.
@Suite(.serialized) struct TriggerDifferentialTests {
    static let fixture = "Tests/HeraldEngineTests/Fixtures/triggers"
    /// Thursday 2026-11-26 00:00 UTC: the simulated window covers a weekly occurrence and the launch.
    static let start: Int64 = CivilTime.days(year: 2026, month: 11, day: 26) * 86_400
    static let step: Int64 = 3_600
    static let ticks = 60

    /// Customers and events: history before the window, and activity inside it, a share of it
    /// placed exactly on tick boundaries minus each delay, or at the same second as an exit.
    static func data(seed: UInt64, customers count: Int) -> SampleDataset {
        var random = SeededRandom(seed: seed)
        let zones: [Value] = [.string("UTC"), .string("America/New_York"), .string("Asia/Kolkata"), .string("Europe/Berlin"), .null]
        let tiers = ["gold", "silver", "bronze"]
        var customers: [[String: Value]] = [], events: [SampleDataset.Event] = [], suppressed: [Value] = []
        let end = start + Int64(ticks) * step
        func instant() -> Int64 {
            switch random.int(4) {
            case 0: return start + Int64(random.int(ticks)) * step - [0, 3_600, 7_200, 10_800][random.int(4)]   // on an edge
            case 1: return start - Int64(random.int(40 * 86_400))                                             // history
            default: return start - 86_400 + Int64(random.int(Int(end - start) + 86_400))                     // around the window
            }
        }
        for id in 1...count {
            let key = Value.int(Int64(id))
            customers.append(["customer_id": key, "email": .string("c\(id)@example.com"), "tier": .string(tiers[random.int(3)]),
                              "tz": zones[random.int(zones.count)], "email_consent": .bool(random.int(8) != 0)])
            if random.int(40) == 0 { suppressed.append(key) }
            for _ in 0..<random.int(in: 2...14) {
                let t = instant()
                switch random.int(6) {
                case 0, 1:
                    events.append(SampleDataset.Event(customer: key, type: "cart_added", time: t,
                                                      properties: ["cart_value": random.int(5) == 0 ? .null : .decimal(String(random.int(120)))]))
                case 2, 3:
                    events.append(SampleDataset.Event(customer: key, type: "product_viewed", time: t,
                                                      properties: ["category": .string(["boots", "hats", "boots"][random.int(3)])]))
                default:
                    events.append(SampleDataset.Event(customer: key, type: "purchase_completed", time: t,
                                                      properties: ["total": .decimal(String(random.int(300)))]))
                    // An exit at the very second of a trigger: the tie cancels it.
                    if random.int(4) == 0 {
                        events.append(SampleDataset.Event(customer: key, type: "cart_added", time: t, properties: ["cart_value": .decimal("80")]))
                    }
                }
            }
        }
        events.sort { ($0.time, $0.type) < ($1.time, $1.type) }
        return SampleDataset(asOf: end, customers: customers, events: events, relations: [:], suppressed: suppressed)
    }

    @Test func simulatorEqualsEligibilityQueriesTickByTick() throws {
        let c = TestCompiler.compile(TriggerDifferentialTests.fixture)
        try #require(!c.diagnostics.hasErrors, Comment(rawValue: TestCompiler.rendered(c)))
        let checked = try #require(c.checked), plan = try #require(c.plan)
        let data = TriggerDifferentialTests.data(seed: 20261203, customers: 2_000)
        #expect(data.events.count >= 15_000)
        let simulator = TriggerSimulator(project: checked, plan: plan, data: data)
        let engines: [(String, DatabaseConnection, any SQLDialect)] = [
            ("sqlite", try EngineFixture.sqlite(checked.schema, data), SQLiteDialect()),
            ("postgres", try EngineFixture.postgres(checked.schema, data), PostgresDialect()),
        ]
        let sends = try #require(checked.schema.sends)
        var log = SendsLog()
        var perCampaign: [String: Int] = [:]
        var failures: [String] = []
        for tick in 0...TriggerDifferentialTests.ticks {
            let now = TriggerDifferentialTests.start + Int64(tick) * TriggerDifferentialTests.step
            for campaign in simulator.campaigns {
                let expected = simulator.due(campaign, at: now, log: log)
                let expectedRows = expected.map { "\($0.customer) \($0.arm ?? "-")" }
                for (name, db, dialect) in engines {
                    let query = EligibilityQuery(dialect: dialect, plan: plan)
                    guard case .success(let sql) = query.sql(campaign) else { failures.append("\(name) \(campaign.name): no query"); continue }
                    let armColumn = query.columns(campaign).firstIndex(of: "herald_arm")
                    let result = try AudienceRunner.run(sql, dialect: dialect, on: db, asOf: now)
                    let rows = result.rows.map { r in "\(r[0].description) \(armColumn.map { r[$0].description } ?? "-")" }
                    if rows != expectedRows {
                        let missing = Set(expectedRows).subtracting(rows).sorted().prefix(5), extra = Set(rows).subtracting(expectedRows).sorted().prefix(5)
                        failures.append("\(name) \(campaign.name) at \(CivilTime.iso8601(now)): \(rows.count) rows, simulator \(expected.count); missing \(Array(missing)), extra \(Array(extra))")
                    }
                    // The send system logs what the query returned (the simulator's rows, which are equal when the test passes).
                    for s in expected {
                        let values = [TriggerSimulator.keyText(s.customer), dialect.string(s.campaign), s.arm.map(dialect.string) ?? "NULL",
                                      dialect.timestampLiteral(now)]
                        try db.execute("INSERT INTO \(dialect.quote(sends.table)) (\(dialect.quote(sends.customerColumn)), \(dialect.quote(sends.campaignColumn)), \(dialect.quote(sends.armColumn)), \(dialect.quote(sends.sentAtColumn))) VALUES (\(values.joined(separator: ", ")))")
                    }
                }
                for s in expected { log.append(SampleDataset.Send(customer: s.customer, campaign: s.campaign, arm: s.arm, sentAt: now)) }
                perCampaign[campaign.name, default: 0] += expected.count
                if failures.count > 10 { break }
            }
            if failures.count > 10 { break }
        }
        #expect(failures.isEmpty, Comment(rawValue: failures.prefix(10).joined(separator: "\n")))
        print("trigger differential: sends per campaign", perCampaign.sorted { $0.key < $1.key })
        // Every campaign sends something, and the rules bite: the data exercises what it claims to.
        for campaign in simulator.campaigns { #expect(perCampaign[campaign.name, default: 0] > 0, "\(campaign.name) never sent") }
        let cartArms = Set(log.sends.filter { $0.campaign == "cart" }.compactMap(\.arm))
        #expect(cartArms == ["control", "urgent", "holdout"])
        try TriggerDifferentialTests.otherEnginesAgree(simulator: simulator, plan: plan, data: data, log: log)
    }

    /// DuckDB and Spark SQL, with the simulated sends log loaded whole, at half-hour instants
    /// between ticks (where no send sits exactly at `as_of`, so the log they see is the one the
    /// simulator had): the eligibility query of every campaign returns the simulator's sends.
    /// ClickHouse is not in the fixture's targets: it cannot read per-customer zones (`H0602`).
    static func otherEnginesAgree(simulator: TriggerSimulator, plan: ProjectPlan, data: SampleDataset, log: SendsLog) throws {
        var withLog = data
        withLog.sends = log.sends
        let instants = [5, 17, 29, 41, 53].map { start + Int64($0) * step + 1_800 }
        let dialects: [String: any SQLDialect] = ["duckdb": DuckDBDialect(), "spark": SparkDialect()]
        var queries: [PythonEngines.Query] = [], expected: [String: [String]] = [:], armColumns: [String: Int?] = [:]
        for (i, t) in instants.enumerated() {
            for c in simulator.campaigns {
                for (engine, dialect) in dialects.sorted(by: { $0.key < $1.key }) {
                    let query = EligibilityQuery(dialect: dialect, plan: plan)
                    guard case .success(let sql) = query.sql(c) else { continue }
                    let id = "\(engine) \(c.name) \(i)"
                    queries.append(PythonEngines.Query(id: id, engine: engine, sql: sql, asOf: t))
                    armColumns[id] = query.columns(c).firstIndex(of: "herald_arm")
                    expected[id] = simulator.due(c, at: t, log: log).map { "\($0.customer) \($0.arm ?? "-")" }
                }
            }
        }
        let (results, _) = try PythonEngines.run(schema: simulator.project.schema, data: withLog, queries: queries, engines: ["duckdb", "spark"])
        var failures: [String] = []
        var nonEmpty = 0
        for q in queries {
            guard let r = results[q.id], r.error == nil else { failures.append("\(q.id): \(results[q.id]?.error ?? "no result")"); continue }
            let rows = r.rows.map { row in
                let key = row[0].intValue.map(String.init) ?? row[0].stringValue ?? row[0].compactText()
                return "\(key) \(armColumns[q.id]!.map { row[$0].stringValue ?? "-" } ?? "-")"
            }
            if rows != expected[q.id]! { failures.append("\(q.id): \(rows.count) rows, simulator \(expected[q.id]!.count); first \(rows.prefix(3)) vs \(expected[q.id]!.prefix(3))") }
            if !rows.isEmpty { nonEmpty += 1 }
        }
        #expect(failures.isEmpty, Comment(rawValue: failures.prefix(8).joined(separator: "\n")))
        #expect(nonEmpty >= queries.count / 4, "only \(nonEmpty) of \(queries.count) queries return anyone")
    }
}
