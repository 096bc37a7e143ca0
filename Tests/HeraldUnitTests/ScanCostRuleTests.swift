import HeraldChecker
import HeraldDriver
import HeraldPlan
import HeraldSyntax
@testable import HeraldSQL
import HeraldTestSupport
import Testing

/// The cost rules that shape an audience's scans: property reads get a scan of their event type,
/// and existence tests of one event type share a latest-time aggregate. Each case is an audience
/// and the scans or shared aggregates it must produce.
@Suite struct ScanCostRuleTests {
    /// The plan of one campaign with the given audience, over the shop's schema.
    static func plan(_ audience: String) throws -> (ProjectPlan, CampaignPlan) {
        let project = try ScratchProject(files: ["campaigns/probe.yaml": ScratchProject.campaign("probe", audience: "'\(audience)'")])
        let c = project.compile()
        let errors = c.diagnostics.items.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.message))")
        let plan = try #require(c.plan)
        return (plan, try #require(plan.campaign(named: "probe")))
    }

    /// Each scan as `types within window: features`, features in the language's words.
    static func scans(_ plan: ProjectPlan, _ c: CampaignPlan) -> [String] {
        c.scans.map { s in
            let types = s.events.map { $0.map(\.name).joined(separator: ",") } ?? "any"
            let window = s.window.map { "\($0.seconds / 86_400)d" } ?? "all"
            let features = s.features.map { id in
                let f = plan.features[id]
                return "\(f.function.rawValue)(\(f.eventName)\(f.filter == nil ? "" : " where")\(f.window.map { " \($0.seconds / 86_400)d" } ?? ""))"
            }
            return "\(types) within \(window): \(features.joined(separator: ", "))"
        }
    }

    static let scanCases: [(audience: String, scans: [String])] = [
        // Nothing reads a property: one shared scan.
        ("exists(cart_added within 7d) and count(product_viewed within 2d) >= 3",
         ["cart_added,product_viewed within 7d: count(product_viewed 2d), count(cart_added 7d)"]),
        // The sum reads `total`: purchases get their own scan, and the 30-day purchase count, which
        // that scan covers, goes with it; the shared scan no longer reaches back a year.
        ("sum(purchase_completed.total within 365d) > 100 and count(purchase_completed within 30d) >= 1 and exists(any within 60d)",
         ["any within 60d: count(any 60d)", "purchase_completed within 365d: sum(purchase_completed 365d), count(purchase_completed 30d)"]),
        // A purchase count wider than the property read stays in the shared scan.
        ("sum(purchase_completed.total within 30d) > 100 and count(purchase_completed within 90d) >= 2",
         ["purchase_completed within 90d: count(purchase_completed 90d)", "purchase_completed within 30d: sum(purchase_completed 30d)"]),
        // A filter reads a property too.
        ("count(product_viewed where event.category == \"boots\" within 7d) >= 2 and not exists(cart_added within 7d)",
         ["cart_added within 7d: count(cart_added 7d)", "product_viewed within 7d: count(product_viewed where 7d)"]),
    ]

    @Test(arguments: scanCases.indices)
    func propertyReadsGetTheirOwnScan(_ i: Int) throws {
        let (plan, c) = try ScanCostRuleTests.plan(ScanCostRuleTests.scanCases[i].audience)
        #expect(ScanCostRuleTests.scans(plan, c) == ScanCostRuleTests.scanCases[i].scans)
    }

    static let foldCases: [(audience: String, folded: [String])] = [
        // The 60-day `any` scan reads every product view of the last 7 days: the property scan folds into it.
        ("count(product_viewed where event.category == \"boots\" within 7d) >= 2 and exists(any within 60d)",
         ["any within 60d: count(any 60d), count(product_viewed where 7d)"]),
        // A year of purchases reaches further back than the 60 days the `any` scan reads: both stay.
        ("sum(purchase_completed.total within 365d) > 100 and exists(any within 60d)",
         ["any within 60d: count(any 60d)", "purchase_completed within 365d: sum(purchase_completed 365d)"]),
        // A wider count of the same type keeps its own scan, and that scan covers the property read.
        ("sum(purchase_completed.total within 30d) > 100 and count(purchase_completed within 90d) >= 2",
         ["purchase_completed within 90d: count(purchase_completed 90d), sum(purchase_completed 30d)"]),
        // Another type's scan covers nothing of it.
        ("count(product_viewed where event.category == \"boots\" within 7d) >= 2 and not exists(cart_added within 7d)",
         ["cart_added within 7d: count(cart_added 7d)", "product_viewed within 7d: count(product_viewed where 7d)"]),
    ]

    @Test(arguments: foldCases.indices)
    func coveredPropertyScansFold(_ i: Int) throws {
        var (plan, c) = try ScanCostRuleTests.plan(ScanCostRuleTests.foldCases[i].audience)
        c.scans = ScanPlanner.foldingCoveredScans(c.scans)
        #expect(ScanCostRuleTests.scans(plan, c) == ScanCostRuleTests.foldCases[i].folded)
        // Only engines that prefer fewer scans get the folded shape.
        let folded = c.scans.count
        let (_, unfolded) = try ScanCostRuleTests.plan(ScanCostRuleTests.foldCases[i].audience)
        let ctes = { (sql: String) in sql.components(separatedBy: "GROUP BY").count - 1 }
        #expect(ctes(AudienceQuery(dialect: PostgresDialect(), plan: plan).sql(unfolded)) == folded)
        #expect(ctes(AudienceQuery(dialect: SQLiteDialect(), plan: plan).sql(unfolded)) == unfolded.scans.count)
    }

    static let sharingCases: [(audience: String, shared: Int, aggregates: Int)] = [
        // Two windows of `any`, both existence tests: one MAX(time) for both.
        ("not exists(any within 30d) and exists(any within 90d)", 2, 1),
        // `count >= 2` is not an existence test: that feature keeps its count, the other is alone.
        ("count(cart_added within 7d) >= 2 and exists(cart_added within 2d)", 0, 0),
        // Nor is `!= 2`, though `!= 0` is.
        ("count(cart_added within 7d) != 2 and exists(cart_added within 2d)", 0, 0),
        ("count(cart_added within 7d) != 0 and exists(cart_added within 2d)", 2, 1),
        // A lone existence test keeps its count.
        ("exists(cart_added within 7d) and exists(purchase_completed within 7d)", 0, 0),
        // Three windows of one type, written as comparisons with zero and one either way round.
        ("count(cart_added within 1d) == 0 and 1 <= count(cart_added within 7d) and count(cart_added within 30d) > 0", 3, 1),
        // The same feature used once as a count elsewhere is not shared.
        ("exists(any within 30d) and count(any within 90d) >= 1 and count(any within 90d) < 5", 0, 0),
    ]

    @Test(arguments: sharingCases.indices)
    func existenceTestsShareALatestTime(_ i: Int) throws {
        let expected = ScanCostRuleTests.sharingCases[i]
        let (plan, c) = try ScanCostRuleTests.plan(expected.audience)
        let sharing = LatestTimeSharing(scans: c.scans, features: plan.features, predicates: [c.audience])
        #expect(sharing.shared.count == expected.shared, "\(c.audience)")
        #expect(sharing.aggregates.count == expected.aggregates)
        // Every shared feature is read through its scan's latest time, never as its own count.
        let sql = AudienceQuery(dialect: SQLiteDialect(), plan: plan).sql(c)
        #expect(sql.components(separatedBy: "MAX(").count - 1 == expected.aggregates, "\(sql)")
    }
}
