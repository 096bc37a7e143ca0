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

    /// Hand-written audiences of the three example campaigns, straight from their definitions.
    static func bruteForce(_ campaign: String) -> [String] {
        let asOf = data.asOf
        var byCustomer: [Value: [SampleDataset.Event]] = [:]
        for e in data.events { byCustomer[e.customer, default: []].append(e) }
        func n(_ c: Value, _ type: String?, _ seconds: Int64) -> Int {
            (byCustomer[c] ?? []).filter { (type == nil || $0.type == type) && $0.time >= asOf - seconds && $0.time <= asOf }.count
        }
        let consenting = data.customers.filter { $0["email_consent"] == .bool(true) }
        let selected = consenting.filter { row in
            let c = row["customer_id"]!
            switch campaign {
            case "cart-abandonment": return n(c, "cart_added", 48 * 3600) >= 1 && n(c, "purchase_completed", 48 * 3600) == 0
            case "loyal-customers": return n(c, "purchase_completed", 90 * 86_400) >= 2
            case "win-back-dormant": return n(c, nil, 60 * 86_400) == 0
            default: return false
            }
        }
        return selected.map { $0["customer_id"]!.description }.sorted { Int($0)! < Int($1)! }
    }

    static let campaigns = ["cart-abandonment", "loyal-customers", "win-back-dormant"]

    @Test func everyExampleCampaignIsCovered() throws {
        let names = try #require(ShopExecutionTests.compilation.checked).campaigns.map(\.name).sorted()
        #expect(names == ShopExecutionTests.campaigns)
    }

    @Test(arguments: campaigns)
    func sqliteMatchesBruteForce(_ campaign: String) throws {
        let c = ShopExecutionTests.compilation
        let plan = try #require(c.plan?.campaign(named: campaign))
        let db = try EngineFixture.sqlite(c.checked!.schema, ShopExecutionTests.data)
        let sql = AudienceQuery(dialect: SQLiteDialect(), plan: c.plan!).sql(plan)
        let keys = try EngineFixture.keys(sql, SQLiteDialect(), db, asOf: ShopExecutionTests.data.asOf)
        let expected = ShopExecutionTests.bruteForce(campaign)
        #expect(!expected.isEmpty, "the generated data should select someone for \(campaign)")
        #expect(keys == expected)
    }

    @Test(arguments: campaigns)
    func postgresMatchesSQLite(_ campaign: String) throws {
        let c = ShopExecutionTests.compilation
        let plan = try #require(c.plan?.campaign(named: campaign))
        let db = try EngineFixture.postgres(c.checked!.schema, ShopExecutionTests.data)
        let sql = AudienceQuery(dialect: PostgresDialect(), plan: c.plan!).sql(plan)
        let keys = try EngineFixture.keys(sql, PostgresDialect(), db, asOf: ShopExecutionTests.data.asOf)
        #expect(keys == ShopExecutionTests.bruteForce(campaign))
    }
}
