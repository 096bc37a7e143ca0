import Foundation
import HeraldChecker
import HeraldDatabase
import HeraldDriver
import HeraldPlan
import HeraldRuntime
import HeraldSQL
import HeraldSchema
import HeraldSource
import HeraldSupport
import HeraldSyntax
import HeraldTestSupport
import Testing

/// Differential, property-based proof of the SQL: for generated data (2,000 customers, about
/// 50,000 events with nulls and events exactly on window edges) and over a thousand generated
/// well-typed rules, the reference interpreter, SQLite, PostgreSQL, DuckDB, ClickHouse and Spark SQL
/// select the same customers and the same experiment arms. Both event layouts are covered. A
/// disagreement is shrunk (on the in-process engines) and printed as a campaign file.
@Suite(.serialized) struct DifferentialTests {
    static let slots = 20
    static var seed: UInt64 { UInt64(ProcessInfo.processInfo.environment["HERALD_DIFFERENTIAL_SEED"] ?? "") ?? 20261125 }

    struct Setup {
        var base: String
        var project: ScratchProject
        var compilation: Compilation
        var data: SampleDataset
        /// Block campaign name → slot → generated expression.
        var blocks: [String: [String: GenExpr]]
        /// Audience campaign name → expression.
        var audiences: [String: GenExpr]
    }

    static func campaignText(blocks: [(String, GenExpr)]) -> String {
        var s = "campaign: NAME\nkind: transactional\nmessage:\n  subject: \"Probe\"\n  layout: layouts/probe.html\n  blocks:\n"
        for (slot, e) in blocks { s += "    \(slot):\n      - when: '\(e.description.replacingOccurrences(of: "'", with: "''"))'\n        html: \"<b>\(slot)</b>\"\n" }
        return s
    }

    static func audienceText(_ name: String, _ e: GenExpr, experiment: Bool) -> String {
        var s = ScratchProject.campaign(name, audience: "'" + e.description.replacingOccurrences(of: "'", with: "''") + "'")
        if experiment {
            s += "experiment:\n  id: \(name)-test\n  holdout: 12.5%\n  variants:\n    a: { weight: 2 }\n    b: { weight: 1 }\n    c: { weight: 1 }\n"
        }
        return s
    }

    /// Keeps the expressions that check against the fixture's schema (the generator aims for none to fail).
    static func valid(_ exprs: [GenExpr], schema: Schema) -> ([GenExpr], [String]) {
        var kept: [GenExpr] = []
        var rejected: [String] = []
        for e in exprs {
            let text = LocatedText(verbatim: e.description, file: FileID(0), offset: 0)
            let (parsed, d) = ExpressionParser.parse(text)
            var checker = ExpressionChecker(schema: schema) { _, _ in nil }
            let t = checker.condition(parsed, scope: .audience, what: "a test rule")
            if d.isEmpty && !checker.diagnostics.hasErrors && !t.type.isError { kept.append(e) } else {
                rejected.append("\(e): \((d + checker.diagnostics.items).first?.message ?? "")")
            }
        }
        return (kept, rejected)
    }

    static func setup(layout: String, blockCampaigns: Int, audienceCampaigns: Int) throws -> Setup {
        let base = "Tests/HeraldEngineTests/Fixtures/differential/\(layout)"
        let project = try ScratchProject(base: base)
        let schema = try #require(project.compile().checked?.schema)
        var generator = ExpressionGenerator(seed: seed &+ UInt64(layout.count))
        let (blockExprs, badBlocks) = valid((0..<(blockCampaigns * slots)).map { _ in generator.condition() }, schema: schema)
        let (audienceExprs, badAudiences) = valid((0..<audienceCampaigns).map { _ in generator.condition() }, schema: schema)
        #expect(badBlocks.isEmpty && badAudiences.isEmpty, "the generator produced ill-typed rules: \((badBlocks + badAudiences).prefix(5))")
        var blocks: [String: [String: GenExpr]] = [:]
        for c in 0..<(blockExprs.count / slots) {
            let name = "probe-\(c)"
            let slice = (0..<slots).map { ("b\($0)", blockExprs[c * slots + $0]) }
            try project.write("campaigns/\(name).yaml", campaignText(blocks: slice).replacingOccurrences(of: "NAME", with: name))
            blocks[name] = Dictionary(uniqueKeysWithValues: slice)
        }
        var audiences: [String: GenExpr] = [:]
        for (i, e) in audienceExprs.enumerated() {
            let name = "audience-\(i)"
            try project.write("campaigns/\(name).yaml", audienceText(name, e, experiment: i % 4 == 0))
            audiences[name] = e
        }
        let compilation = project.compile()
        let errors = compilation.diagnostics.items.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.prefix(3).map(\.message))")
        var g = SampleGenerator(schema: schema, options: SampleOptions(customers: 2000, seed: seed, eventsPerCustomer: 32, edgeEvents: true))
        return Setup(base: base, project: project, compilation: compilation, data: g.generate(), blocks: blocks, audiences: audiences)
    }

    /// What a query selected: per block column the keys whose block is chosen, the audience keys,
    /// and each key's arm.
    struct Outcome: Equatable {
        var blocks: [String: Set<String>] = [:]
        var keys: [String] = []
        var arms: [String: String] = [:]
    }

    static func outcome(columns: [String], rows: [[String?]]) -> Outcome {
        var o = Outcome()
        for row in rows {
            let key = row[0] ?? ""
            o.keys.append(key)
            for (i, c) in columns.enumerated() where c.hasPrefix("herald_block_") {
                if row[i] != nil { o.blocks[String(c.dropFirst("herald_block_".count)), default: []].insert(key) }
            }
            if let i = columns.firstIndex(of: "herald_arm"), let arm = row[i] { o.arms[key] = arm }
        }
        for c in columns where c.hasPrefix("herald_block_") { o.blocks[String(c.dropFirst("herald_block_".count)), default: []] = o.blocks[String(c.dropFirst("herald_block_".count))] ?? [] }
        return o
    }

    /// The interpreter's outcome for a campaign.
    static func expected(_ c: CheckedCampaign, _ setup: Setup, interpreter: inout Interpreter) -> Outcome {
        var o = Outcome()
        let schema = setup.compilation.checked!.schema
        let suppressed = Set(setup.data.suppressed.map(\.description))
        for row in setup.data.customers {
            let key = row[schema.customer.key.name]!.description
            if c.kind == .marketing {
                guard row["email_consent"] == .bool(true), !suppressed.contains(key) else { continue }
            }
            if let a = c.audience, interpreter.evaluate(a, row: row, event: nil) != .bool(true) { continue }
            o.keys.append(key)
            for slot in c.message.slots {
                guard case .alternatives(let alts) = slot.content, let cond = alts[0].condition else { continue }
                if interpreter.evaluate(cond, row: row, event: nil) == .bool(true) { o.blocks[slot.name, default: []].insert(key) }
            }
            if let e = c.experiment {
                let bucket = ArmBucket.bucket(experiment: e.id, key: key)
                o.arms[key] = e.arm(forBucket: bucket) ?? "holdout"
            }
        }
        for slot in c.message.slots where o.blocks[slot.name] == nil { o.blocks[slot.name] = [] }
        o.keys.sort { Int($0)! < Int($1)! }
        return o
    }

    static func describe(_ a: Outcome, _ b: Outcome) -> String {
        var parts: [String] = []
        if a.keys != b.keys {
            let x = Set(a.keys), y = Set(b.keys)
            parts.append("keys: \(a.keys.count) vs \(b.keys.count), extra \(x.subtracting(y).sorted().prefix(5)), missing \(y.subtracting(x).sorted().prefix(5))")
        }
        for slot in Set(a.blocks.keys).union(b.blocks.keys).sorted() where a.blocks[slot] != b.blocks[slot] {
            let x = a.blocks[slot] ?? [], y = b.blocks[slot] ?? []
            parts.append("\(slot): extra \(x.subtracting(y).sorted().prefix(5)), missing \(y.subtracting(x).sorted().prefix(5))")
        }
        if a.arms != b.arms { parts.append("arms differ for \(Set(a.arms.keys).union(b.arms.keys).filter { a.arms[$0] != b.arms[$0] }.sorted().prefix(5))") }
        return parts.joined(separator: "; ")
    }

    static func rows(_ r: QueryResult) -> [[String?]] {
        r.rows.map { $0.map { $0 == .null ? nil : $0.description } }
    }

    static func rows(_ r: PythonEngines.Result) -> [[String?]] {
        r.rows.map { row in row.map { v -> String? in
            switch v {
            case .null: return nil
            case .int(let i): return String(i)
            case .double(let d): return d == d.rounded() ? String(Int64(d)) : String(d)
            case .string(let s): return s
            case .bool(let b): return b ? "1" : "0"
            default: return v.compactText()
            }
        } }
    }

    @Test(arguments: ["single", "per-event"])
    func enginesAgreeWithTheInterpreter(_ layout: String) throws {
        let setup = try DifferentialTests.setup(layout: layout, blockCampaigns: 26, audienceCampaigns: 40)
        let c = setup.compilation
        let checked = try #require(c.checked), plan = try #require(c.plan)
        let rules = setup.blocks.values.reduce(0) { $0 + $1.count } + setup.audiences.count
        #expect(rules >= 500, "only \(rules) rules were generated for \(layout)")
        #expect(setup.data.events.count >= 50_000, "only \(setup.data.events.count) events")
        var interpreter = Interpreter(data: setup.data, schema: checked.schema)
        var expected: [String: Outcome] = [:]
        for campaign in checked.campaigns { expected[campaign.name] = DifferentialTests.expected(campaign, setup, interpreter: &interpreter) }

        // Consent, as its own property: no marketing audience on any engine holds a customer who
        // fails the consent rule or is suppressed, whatever the rule says.
        let suppressedKeys = Set(setup.data.suppressed.map(\.description))
        let mayReceiveMarketing = Set(setup.data.customers.filter { $0["email_consent"] == .bool(true) }
            .map { $0[checked.schema.customer.key.name]!.description }).subtracting(suppressedKeys)
        let marketing = Set(checked.campaigns.filter { $0.kind == .marketing }.map(\.name))
        func consentViolations(_ got: Outcome, _ campaign: String) -> [String] {
            marketing.contains(campaign) ? got.keys.filter { !mayReceiveMarketing.contains($0) } : []
        }
        #expect(!marketing.isEmpty)

        // In-process engines.
        let sqlite = try EngineFixture.sqlite(checked.schema, setup.data)
        let postgres = try EngineFixture.postgres(checked.schema, setup.data)
        try postgres.execute("SET TIME ZONE 'Asia/Kolkata'")
        var failures: [String] = []
        for campaign in plan.campaigns {
            for (name, db, dialect) in [("sqlite", sqlite as DatabaseConnection, SQLiteDialect() as any SQLDialect),
                                        ("postgres", postgres, PostgresDialect())] {
                let sql = AudienceQuery(dialect: dialect, plan: plan).sql(campaign)
                do {
                    let r = try AudienceRunner.run(sql, dialect: dialect, on: db, asOf: setup.data.asOf)
                    let got = DifferentialTests.outcome(columns: r.columns, rows: DifferentialTests.rows(r))
                    let violations = consentViolations(got, campaign.name)
                    if !violations.isEmpty { failures.append("\(name) \(campaign.name) selects customers without consent: \(violations.prefix(5))") }
                    if got != expected[campaign.name] {
                        failures.append("\(name) \(campaign.name): \(DifferentialTests.describe(got, expected[campaign.name]!))\n"
                                        + shrink(campaign.name, setup, db: db, dialect: dialect))
                    }
                } catch {
                    failures.append("\(name) \(campaign.name): \(error)")
                }
            }
        }

        // The project's query, every campaign a 0/1 column of one row per customer: its scans and
        // ranks take the engine's shape (a covered property scan folded, ranks inline), so it is
        // held to the interpreter too.
        for (name, db, dialect) in [("sqlite", sqlite as DatabaseConnection, SQLiteDialect() as any SQLDialect),
                                    ("postgres", postgres, PostgresDialect())] {
            let sql = ProjectAudienceQuery(dialect: dialect, plan: plan).sql(plan.campaigns)
            do {
                let r = try AudienceRunner.run(sql, dialect: dialect, on: db, asOf: setup.data.asOf)
                for campaign in plan.campaigns {
                    guard let column = r.columns.firstIndex(of: campaign.name) else { failures.append("\(name) project: no column \(campaign.name)"); continue }
                    let keys = r.rows.filter { $0[column].intValue == 1 }.map { $0[0].description }
                    if keys != expected[campaign.name]?.keys {
                        var got = Outcome()
                        got.keys = keys
                        var want = Outcome()
                        want.keys = expected[campaign.name]?.keys ?? []
                        failures.append("\(name) project \(campaign.name): \(DifferentialTests.describe(got, want))")
                    }
                }
            } catch {
                failures.append("\(name) project: \(error)")
            }
        }

        // DuckDB, ClickHouse and Spark SQL, in one Python process.
        var queries: [PythonEngines.Query] = []
        // HERALD_DIFFERENTIAL_ENGINES=duckdb,clickhouse narrows the engines while developing; CI runs all three.
        let chosen = ProcessInfo.processInfo.environment["HERALD_DIFFERENTIAL_ENGINES"].map { Set($0.split(separator: ",").map(String.init)) }
        for campaign in plan.campaigns {
            for (engine, dialect) in [("duckdb", DuckDBDialect() as any SQLDialect), ("clickhouse", ClickHouseDialect()), ("spark", SparkDialect())]
            where chosen?.contains(engine) ?? true {
                queries.append(PythonEngines.Query(id: "\(engine)/\(campaign.name)", engine: engine, sql: AudienceQuery(dialect: dialect, plan: plan).sql(campaign)))
            }
        }
        let engines = PythonEngines.engines.filter { chosen?.contains($0) ?? true }
        let (results, seconds) = try PythonEngines.run(schema: checked.schema, data: setup.data, queries: queries, engines: engines)
        print("differential \(layout): \(rules) rules, \(setup.data.customers.count) customers, \(setup.data.events.count) events; python engines \(seconds)")
        for q in queries {
            guard let r = results[q.id] else { failures.append("\(q.id): no result"); continue }
            if let e = r.error { failures.append("\(q.id): \(e.prefix(600))"); continue }
            let campaign = String(q.id.split(separator: "/")[1])
            let got = DifferentialTests.outcome(columns: r.columns, rows: DifferentialTests.rows(r))
            let violations = consentViolations(got, campaign)
            if !violations.isEmpty { failures.append("\(q.id) selects customers without consent: \(violations.prefix(5))") }
            if got != expected[campaign] { failures.append("\(q.id): \(DifferentialTests.describe(got, expected[campaign]!))") }
        }
        #expect(failures.isEmpty, "\(failures.count) disagreements:\n\(failures.prefix(8).joined(separator: "\n"))")
    }

    /// Shrinks the first disagreeing rule of a campaign on an in-process engine and prints it as a campaign file.
    func shrink(_ campaign: String, _ setup: Setup, db: DatabaseConnection, dialect: any SQLDialect) -> String {
        let exprs: [GenExpr] = setup.audiences[campaign].map { [$0] } ?? (setup.blocks[campaign]?.sorted { $0.key < $1.key }.map(\.value) ?? [])
        for e in exprs {
            guard disagrees(e, setup, db: db, dialect: dialect) else { continue }
            var current = e
            var improved = true
            while improved {
                improved = false
                for candidate in current.shrinkCandidates where candidate.size < current.size {
                    if disagrees(candidate, setup, db: db, dialect: dialect) {
                        current = candidate
                        improved = true
                        break
                    }
                }
            }
            return "smallest failing campaign:\n" + DifferentialTests.audienceText("shrunk", current, experiment: false)
        }
        return "(the disagreement does not reproduce with one rule alone)"
    }

    /// Whether one rule, as a marketing audience, selects different customers on the engine than in the interpreter.
    func disagrees(_ e: GenExpr, _ setup: Setup, db: DatabaseConnection, dialect: any SQLDialect) -> Bool {
        guard let p = try? ScratchProject(base: setup.base) else { return false }
        try? p.write("campaigns/shrunk.yaml", DifferentialTests.audienceText("shrunk", e, experiment: false))
        let c = p.compile()
        guard !c.diagnostics.hasErrors, let checked = c.checked, let plan = c.plan, let cp = plan.campaign(named: "shrunk"),
              let campaign = checked.campaign(named: "shrunk") else { return false }
        var interpreter = Interpreter(data: setup.data, schema: checked.schema)
        let want = DifferentialTests.expected(campaign, setup, interpreter: &interpreter)
        guard let r = try? AudienceRunner.run(AudienceQuery(dialect: dialect, plan: plan).sql(cp), dialect: dialect, on: db, asOf: setup.data.asOf) else {
            return true
        }
        return DifferentialTests.outcome(columns: r.columns, rows: DifferentialTests.rows(r)) != want
    }
}
