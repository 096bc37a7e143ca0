import Foundation
import HeraldChecker
import HeraldDatabase
import HeraldDriver
import HeraldPlan
import HeraldRuntime
import HeraldSQL
import HeraldSchema
import HeraldSupport
import HeraldTestSupport
import Testing

/// No string from a campaign or a schema changes the structure of the SQL: table, column, event and
/// property names, enum values and string literals built from quotes, backslashes, comment markers,
/// semicolons and Unicode flow through the compiler; every query runs on SQLite and PostgreSQL and
/// selects exactly the customers the reference interpreter selects.
@Suite struct InjectionTests {
    static let hostile = [
        "O'Brien", "say \"hi\"", "--", "a;b", "back\\slash", "ünï /* x */", "'; DROP TABLE x; --", "\"); DELETE FROM y; --",
        "%", "_", "\\'", "$1", ":as_of", "?", "@as_of", "{as_of}", "\t", "\n", "é", "😀", "", " ", "''", "\\\\",
    ]
    static let tiers = ["O'Brien", "say \"hi\"", "--", "a;b", "back\\slash", "ünï /* x */"]

    /// A string literal of the expression language.
    static func literal(_ s: String) -> String {
        var out = "\""
        for c in s {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.append(c)
            }
        }
        return out + "\""
    }

    static func rules(seed: UInt64) -> [String] {
        var random = SeededRandom(seed: seed)
        func any() -> String { literal(hostile[random.int(hostile.count)]) }
        func tier() -> String { literal(tiers[random.int(tiers.count)]) }
        func atom() -> String {
            switch random.int(9) {
            case 0: return "(customer.city ?? \(any())) == \(any())"
            case 1: return "(customer.city ?? \"\") contains \(any())"
            case 2: return "(customer.city ?? \"\") starts_with \(any())"
            case 3: return "customer.tier == \(tier())"
            case 4: return "customer.tier in [\(tier()), \(tier())]"
            case 5: return "count(clicked where event.label == \(any()) within 30d) >= 1"
            case 6: return "exists(clicked where event.label contains \(any()) within 7d)"
            case 7: return "(customer.city ?? \(any())) != \(any())"
            default: return "sum(clicked.score where event.label starts_with \(any()) within 30d) > 2"
            }
        }
        return (0..<160).map { i in
            switch i % 4 {
            case 0: return atom()
            case 1: return "\(atom()) or \(atom())"
            case 2: return "not (\(atom())) and \(atom())"
            default: return "\(atom()) and (\(atom()) or \(atom()))"
            }
        }
    }

    static func data(seed: UInt64) -> SampleDataset {
        var random = SeededRandom(seed: seed)
        let asOf = SampleOptions.defaultAsOf
        var customers: [[String: Value]] = [], events: [SampleDataset.Event] = []
        for id in 1...400 {
            // Values built from the same pieces as the rules, so that comparisons often match.
            let city: Value = random.int(6) == 0 ? .null : .string((0..<random.int(in: 1...2)).map { _ in hostile[random.int(hostile.count)] }.joined())
            customers.append(["customer_id": .int(Int64(id)), "email": .string("c\(id)@example.com"), "city": city,
                              "tier": .string(tiers[random.int(tiers.count)]), "email_consent": .bool(random.int(5) != 0)])
            for _ in 0..<random.int(6) {
                let label = (0..<random.int(in: 1...2)).map { _ in hostile[random.int(hostile.count)] }.joined()
                events.append(SampleDataset.Event(customer: .int(Int64(id)), type: "clicked", time: asOf - Int64(random.int(40 * 86_400)),
                                                  properties: ["label": .string(label), "score": .int(Int64(random.int(5)))]))
            }
        }
        return SampleDataset(asOf: asOf, customers: customers, events: events, relations: [:], suppressed: [])
    }

    @Test func hostileNamesAndValuesNeverChangeTheQuery() throws {
        let project = try ScratchProject(base: "Tests/HeraldEngineTests/Fixtures/injection")
        let rules = InjectionTests.rules(seed: 20261203)
        for (i, rule) in rules.enumerated() {
            try project.write("campaigns/r\(i).yaml", ScratchProject.campaign("r\(i)", audience: "'" + rule.replacingOccurrences(of: "'", with: "''") + "'"))
        }
        let c = project.compile()
        let errors = c.diagnostics.items.filter { $0.severity == .error }
        try #require(errors.isEmpty, Comment(rawValue: TestCompiler.rendered(c)))
        let checked = try #require(c.checked), plan = try #require(c.plan)
        let data = InjectionTests.data(seed: 7)
        var interpreter = Interpreter(data: data, schema: checked.schema)
        let sqlite = try EngineFixture.sqlite(checked.schema, data)
        let postgres = try EngineFixture.postgres(checked.schema, data)
        var failures: [String] = []
        var matched = 0
        for campaign in checked.campaigns {
            var expected: [String] = []
            for row in data.customers where row["email_consent"] == .bool(true) {
                if let a = campaign.audience, interpreter.evaluate(a, row: row, event: nil) != .bool(true) { continue }
                expected.append(row["customer_id"]!.description)
            }
            if !expected.isEmpty { matched += 1 }
            let cp = try #require(plan.campaign(named: campaign.name))
            for (name, db, dialect) in [("sqlite", sqlite as DatabaseConnection, SQLiteDialect() as any SQLDialect), ("postgres", postgres, PostgresDialect())] {
                do {
                    let keys = try EngineFixture.keys(AudienceQuery(dialect: dialect, plan: plan).sql(cp), dialect, db, asOf: data.asOf)
                    if keys != expected {
                        let rule = rules[Int(campaign.name.dropFirst())!]
                        failures.append("\(name) \(campaign.name): \(keys.count) rows, expected \(expected.count), for \(rule)")
                    }
                } catch {
                    failures.append("\(name) \(campaign.name) failed to run: \(error)")
                }
            }
        }
        #expect(failures.isEmpty, Comment(rawValue: failures.prefix(8).joined(separator: "\n")))
        #expect(matched >= rules.count / 4, "only \(matched) of \(rules.count) rules select anyone: the data does not exercise them")
        // The tables are all still there.
        for db in [sqlite as DatabaseConnection, postgres] {
            let n = try db.query("SELECT COUNT(*) FROM \(SQLiteDialect().quote(checked.schema.customer.table))")
            #expect(n.rows.first?.first?.description == "400")
        }
    }
}
