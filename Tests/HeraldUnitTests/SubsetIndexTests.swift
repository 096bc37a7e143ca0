import HeraldDiagnostics
import HeraldDriver
@testable import HeraldPlan
import HeraldSupport
import HeraldTestSupport
import Testing

/// The subset index only skips pairs that cannot pass: on generated projects whose audiences nest,
/// overlap, tie and mix kinds of condition, the redundant-campaign findings (H0503) with the index
/// equal those from testing every pair.
@Suite struct SubsetIndexTests {
    static func audience(_ r: inout SeededRandom) -> String {
        let edges = [0, 50, 100, 150, 200, 400]
        func band(_ r: inout SeededRandom) -> String {
            let a = edges[r.int(in: 0...4)], b = edges[r.int(in: 0...5)]
            let lower = r.int(2) == 0 ? ">=" : ">", upper = r.int(2) == 0 ? "<" : "<="
            switch r.int(8) {
            case 0: return "customer.lifetime_value \(lower) \(a)"
            case 1: return "customer.lifetime_value \(upper) \(b)"
            case 2: return "customer.lifetime_value == \(a)"
            case 3: return "customer.lifetime_value != \(a) and customer.lifetime_value \(lower) \(a)"
            default: return "customer.lifetime_value \(lower) \(a) and customer.lifetime_value \(upper) \(max(a, b))"
            }
        }
        var rule = band(&r)
        if r.int(3) > 0 { rule += " and count(purchase_completed within 30d) >= \(r.int(in: 1...3))" }
        if r.int(4) == 0 { rule += " and customer.country in [\"US\", \"CA\"]" }
        if r.int(5) == 0 { rule = "(\(rule)) or (\(band(&r)))" }
        return rule
    }

    @Test(arguments: [1, 2, 3, 4])
    func indexFindsWhatEveryPairFinds(seed: UInt64) throws {
        var r = SeededRandom(seed: seed)
        var files: [String: String] = [:]
        for i in 0..<60 { files["campaigns/g\(i).yaml"] = ScratchProject.campaign("g\(i)", audience: SubsetIndexTests.audience(&r)) }
        let project = try ScratchProject(files: files)
        let c = project.compile()
        let plan = try #require(c.plan)
        let profiles = plan.redundancy.filter { $0.campaign.hasPrefix("g") }
        let indexed = RedundantCampaigns.findings(profiles)
        let pairwise = RedundantCampaigns.findings(profiles, pairwise: true)
        #expect(indexed == pairwise)
        #expect(pairwise.count >= 5, "the generator should produce nested audiences: \(pairwise.count)")
    }
}
