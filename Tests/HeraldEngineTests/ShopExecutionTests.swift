import Foundation
import HeraldDatabase
import HeraldDriver
import HeraldRuntime
import HeraldSQL
import HeraldSchema
import HeraldTestSupport
import Testing

/// The example campaigns' SQL, run on SQLite and on PostgreSQL over the same generated data, selects
/// exactly the customers a brute-force computation over the in-memory data selects.
@Suite struct ShopExecutionTests {
    static let compilation = TestCompiler.compile("examples/shop")

    static let data: SampleDataset = {
        var g = SampleGenerator(schema: compilation.checked!.schema, options: SampleOptions(customers: 1500, seed: 7, edgeEvents: true))
        return g.generate()
    }()

    /// Hand-written audiences of four example campaigns, straight from their definitions.
    static func bruteForce(_ campaign: String) -> [String] {
        let asOf = data.asOf
        var byCustomer: [Value: [SampleDataset.Event]] = [:]
        for e in data.events { byCustomer[e.customer, default: []].append(e) }
        func n(_ c: Value, _ type: String?, _ seconds: Int64) -> Int {
            (byCustomer[c] ?? []).filter { (type == nil || $0.type == type) && $0.time >= asOf - seconds && $0.time <= asOf }.count
        }
        let day: Int64 = 86_400
        // Marketing mail: consent, and not on the suppression list.
        let suppressed = Set(data.suppressed)
        let consenting = data.customers.filter { $0["email_consent"] == .bool(true) && !suppressed.contains($0["customer_id"]!) }
        let selected = consenting.filter { row in
            let c = row["customer_id"]!
            switch campaign {
            case "win-back-dormant":
                return n(c, nil, 60 * day) == 0
            case "loyal-thank-you":
                let delivered = n(c, "email_delivered", 90 * day), opened = n(c, "email_opened", 90 * day)
                let rate = delivered == 0 ? 0 : Double(opened) / Double(delivered)
                return n(c, "purchase_completed", 90 * day) >= 2 && rate > 0.7
            case "welcome-series":
                guard case .timestamp(let signup)? = row["signup_at"] else { return false }
                return signup >= asOf - 14 * day && n(c, "purchase_completed", 14 * day) == 0
            case "north-america-shipping":
                return (row["country"] == .string("US") || row["country"] == .string("CA")) && n(c, "purchase_completed", 30 * day) >= 1
            default:
                return false
            }
        }
        return selected.map { $0["customer_id"]!.description }.sorted { Int($0)! < Int($1)! }
    }

    static let campaigns = ["loyal-thank-you", "north-america-shipping", "welcome-series", "win-back-dormant"]

    /// A readable difference of two key lists.
    static func difference(_ actual: [String], _ expected: [String]) -> String {
        let a = Set(actual), e = Set(expected)
        return "\(actual.count) selected, \(expected.count) expected; extra \(a.subtracting(e).sorted().prefix(10)), missing \(e.subtracting(a).sorted().prefix(10))"
    }

    @Test func theCampaignsExist() throws {
        let names = Set(try #require(ShopExecutionTests.compilation.checked).campaigns.map(\.name))
        #expect(Set(ShopExecutionTests.campaigns).isSubset(of: names))
    }

    @Test(arguments: campaigns)
    func sqliteMatchesBruteForce(_ campaign: String) throws {
        let c = ShopExecutionTests.compilation
        guard let plan = c.plan?.campaign(named: campaign) else {
            Issue.record("no plan for \(campaign)")
            return
        }
        let db = try EngineFixture.sqlite(c.checked!.schema, ShopExecutionTests.data)
        let sql = AudienceQuery(dialect: SQLiteDialect(), plan: c.plan!).sql(plan)
        let keys = try EngineFixture.keys(sql, SQLiteDialect(), db, asOf: ShopExecutionTests.data.asOf)
        let expected = ShopExecutionTests.bruteForce(campaign)
        #expect(!expected.isEmpty, "the generated data should select someone for \(campaign)")
        #expect(keys == expected, "\(ShopExecutionTests.difference(keys, expected))")
    }

    @Test(arguments: campaigns)
    func postgresMatchesSQLite(_ campaign: String) throws {
        let c = ShopExecutionTests.compilation
        guard let plan = c.plan?.campaign(named: campaign) else {
            Issue.record("no plan for \(campaign)")
            return
        }
        let db = try EngineFixture.postgres(c.checked!.schema, ShopExecutionTests.data)
        let sql = AudienceQuery(dialect: PostgresDialect(), plan: c.plan!).sql(plan)
        let keys = try EngineFixture.keys(sql, PostgresDialect(), db, asOf: ShopExecutionTests.data.asOf)
        let expected = ShopExecutionTests.bruteForce(campaign)
        #expect(keys == expected, "\(ShopExecutionTests.difference(keys, expected))")
    }
}

/// The project's one-query audiences (`audiences.<dialect>.sql`) select, per campaign, exactly
/// whom that campaign's own audience query selects.
@Suite struct ProjectAudienceTests {
    @Test(arguments: ["sqlite", "postgres"])
    func projectQueryMatchesCampaignQueries(_ engine: String) throws {
        let c = ShopExecutionTests.compilation
        let plan = try #require(c.plan), schema = try #require(c.checked?.schema)
        let data = ShopExecutionTests.data
        let (db, dialect): (DatabaseConnection, any SQLDialect) = engine == "sqlite"
            ? (try EngineFixture.sqlite(schema, data), SQLiteDialect()) : (try EngineFixture.postgres(schema, data), PostgresDialect())
        let all = try AudienceRunner.run(ProjectAudienceQuery(dialect: dialect, plan: plan).sql(plan.campaigns), dialect: dialect, on: db, asOf: data.asOf)
        for campaign in plan.campaigns {
            let column = try #require(all.columns.firstIndex(of: campaign.name))
            let fromProject = all.rows.filter { $0[column].intValue == 1 }.map { $0[0].description }
            let own = try EngineFixture.keys(AudienceQuery(dialect: dialect, plan: plan).sql(campaign), dialect, db, asOf: data.asOf)
            #expect(fromProject == own, "\(campaign.name): \(fromProject.count) vs \(own.count)")
        }
    }
}
