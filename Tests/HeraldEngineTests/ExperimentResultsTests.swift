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

/// Experiments end to end: the documented assignment vectors hold in the Swift runtime and in the
/// SQL, and the results query counts recipients and conversions per arm as a direct computation
/// does, with the z-test's p-value equal to `erfc(|z| / √2)`.
@Suite struct ExperimentResultsTests {
    static let fixture = "Tests/HeraldEngineTests/Fixtures/triggers"

    /// The rows of the test-vector table in `docs/triggers.md`: key, bucket, arm.
    static func vectors() throws -> [(String, Int, String)] {
        let text = try String(contentsOf: TestPaths.path("docs/triggers.md"), encoding: .utf8)
        var out: [(String, Int, String)] = []
        for line in text.split(separator: "\n") where line.hasPrefix("| `") || line.hasPrefix("| (empty)") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let key = cells[0] == "(empty)" ? "" : String(cells[0].dropFirst().dropLast())
            out.append((key, Int(cells[2])!, cells[3]))
        }
        return out
    }

    @Test func documentedVectorsHoldInSwiftAndSQL() throws {
        let vectors = try ExperimentResultsTests.vectors()
        #expect(vectors.count == 8)
        let shop = TestCompiler.compile("examples/shop")
        let experiment = try #require(shop.checked?.campaign(named: "cart-abandonment")?.experiment)
        let plan = try #require(shop.plan?.campaign(named: "cart-abandonment")?.experiment)
        for (key, bucket, arm) in vectors {
            #expect(ArmBucket.bucket(experiment: experiment.id, key: key) == bucket, "bucket of \(key)")
            #expect((experiment.arm(forBucket: bucket) ?? "holdout") == arm, "arm of \(key)")
        }
        let sqlite = try SQLiteConnection(path: ":memory:")
        var engines: [(DatabaseConnection, any SQLDialect)] = [(sqlite, SQLiteDialect())]
        if EngineFixture.postgresURL != nil { engines.append((try PostgresConnection(url: EngineFixture.postgresURL!), PostgresDialect())) }
        for (db, dialect) in engines {
            let assignment = ArmAssignment(dialect: dialect)
            for (key, bucket, arm) in vectors {
                let sql = "SELECT \(assignment.bucket(experiment.id, key: dialect.string(key))), \(assignment.sql(plan, key: dialect.string(key)))"
                let row = try #require(try db.query(sql).rows.first)
                #expect(row.map(\.description) == [String(bucket), arm], "\(dialect.name) for key \(key)")
            }
        }
    }

    @Test func resultsQueryCountsEachArmAndTestsIt() throws {
        let c = TestCompiler.compile(ExperimentResultsTests.fixture)
        try #require(!c.diagnostics.hasErrors, Comment(rawValue: TestCompiler.rendered(c)))
        let checked = try #require(c.checked), plan = try #require(c.plan)
        let campaign = try #require(plan.campaign(named: "cart")), experiment = try #require(checked.campaign(named: "cart")?.experiment)
        // Sends over two days, purchases before and after them; the goal is a purchase within 2 days after the first send.
        var random = SeededRandom(seed: 99)
        let asOf = CivilTime.days(year: 2026, month: 11, day: 30) * 86_400
        var data = TriggerDifferentialTests.data(seed: 5, customers: 1_500)
        data.asOf = asOf
        var expected: [String: (n: Int, x: Int)] = [:]
        for row in data.customers where random.int(3) != 0 {
            let key = row["customer_id"]!
            let first = asOf - 5 * 86_400 + Int64(random.int(2 * 86_400))
            let arm = experiment.arm(forBucket: ArmBucket.bucket(experiment: experiment.id, key: TriggerSimulator.keyText(key))) ?? "holdout"
            data.sends.append(SampleDataset.Send(customer: key, campaign: "cart", arm: arm, sentAt: first))
            if random.int(3) == 0 { data.sends.append(SampleDataset.Send(customer: key, campaign: "cart", arm: arm, sentAt: first + 86_400)) }
            if random.int(5) == 0 { data.sends.append(SampleDataset.Send(customer: key, campaign: "browse", arm: nil, sentAt: first)) }
            // A purchase exactly at the window's end counts, one a second later does not.
            let offsets: [Int64] = [0, 1, 3_600, 2 * 86_400, 2 * 86_400 + 1, -3_600]
            let offset = offsets[random.int(offsets.count)] * (random.int(2) == 0 ? 1 : 0) + (random.int(2) == 0 ? 0 : 7 * 86_400)
            data.events.append(SampleDataset.Event(customer: key, type: "purchase_completed", time: first + offset, properties: ["total": .decimal("10")]))
        }
        data.events.sort { $0.time < $1.time }
        for s in data.sends where s.campaign == "cart" {
            guard s.sentAt == data.sends.filter({ $0.customer == s.customer && $0.campaign == "cart" }).map(\.sentAt).min() else { continue }
            let converted = data.events.contains { e in
                e.customer == s.customer && e.type == "purchase_completed" && e.time > s.sentAt && e.time <= s.sentAt + 2 * 86_400 && e.time <= asOf
            }
            expected[s.arm!, default: (0, 0)].n += 1
            if converted { expected[s.arm!, default: (0, 0)].x += 1 }
        }
        #expect(expected.count == 3 && expected.values.allSatisfy { $0.x > 0 && $0.x < $0.n })
        for (db, dialect) in [(try EngineFixture.sqlite(checked.schema, data) as DatabaseConnection, SQLiteDialect() as any SQLDialect),
                              (try EngineFixture.postgres(checked.schema, data), PostgresDialect())] {
            let sql = try #require(ResultsQuery(dialect: dialect, plan: plan).sql(campaign))
            let rows = try AudienceRunner.run(sql, dialect: dialect, on: db, asOf: asOf).rows.map { $0.map(\.description) }
            #expect(rows.map { $0[0] } == ["control", "urgent", "holdout"], "\(dialect.name): \(rows)")
            let control = expected["control"]!
            for r in rows {
                let e = try #require(expected[r[0]])
                #expect(Int(r[1]) == e.n && Int(r[2]) == e.x, "\(dialect.name) \(r[0]): \(r) expected \(e)")
                #expect(abs(Double(r[3])! - Double(e.x) / Double(e.n)) < 1e-9)
                if r[0] == "control" {
                    #expect(r[4] == "NULL" && r[5] == "NULL", "\(dialect.name): the baseline has no test: \(r)")
                    continue
                }
                let p1 = Double(e.x) / Double(e.n), p0 = Double(control.x) / Double(control.n)
                let pooled = Double(e.x + control.x) / Double(e.n + control.n)
                let z = (p1 - p0) / (pooled * (1 - pooled) * (1 / Double(e.n) + 1 / Double(control.n))).squareRoot()
                #expect(abs(Double(r[4])! - z) < 1e-9, "\(dialect.name) z of \(r[0]): \(r[4]) vs \(z)")
                #expect(abs(Double(r[5])! - erfc(abs(z) / 2.0.squareRoot())) < 1e-6, "\(dialect.name) p of \(r[0]): \(r[5])")
            }
        }
    }
}
