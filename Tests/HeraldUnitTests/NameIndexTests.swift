@testable import HeraldChecker
@testable import HeraldPlan
import HeraldSupport
import HeraldTestSupport
import Testing

/// Looking a campaign up by name finds what a scan would, and follows changes to the list.
@Suite struct NameIndexTests {
    @Test func findsTheFirstOfEachName() {
        let index = NameIndex(["b", "a", "c", "a"])
        #expect(index["a"] == 1 && index["b"] == 0 && index["c"] == 2)
        #expect(index["d"] == nil && index[""] == nil && index["A"] == nil)
    }

    @Test func projectLookupsFollowTheCampaignList() throws {
        let compilation = TestCompiler.compile("examples/shop")
        var checked = try #require(compilation.checked)
        var plan = try #require(compilation.plan)
        for c in checked.campaigns {
            #expect(checked.campaign(named: c.name)?.name == c.name)
            #expect(plan.campaign(named: c.name)?.name == c.name)
        }
        let first = try #require(checked.campaigns.first?.name)
        checked.campaigns.removeAll { $0.name == first }
        plan.campaigns.removeAll { $0.name == first }
        #expect(checked.campaign(named: first) == nil && plan.campaign(named: first) == nil)
        let last = try #require(plan.campaigns.last?.name)
        #expect(checked.campaign(named: last)?.name == last && plan.campaign(named: last)?.name == last)
    }
}
