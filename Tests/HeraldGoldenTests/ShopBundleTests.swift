import Foundation
import HeraldTestSupport
import Testing

/// The bundle of `examples/shop` (SQL per dialect, messages, manifest) matches `examples/expected/shop`,
/// and the plan of each campaign matches its expected text.
@Suite struct ShopBundleTests {
    @Test func shopChecksClean() {
        let c = TestCompiler.compile("examples/shop")
        #expect(c.diagnostics.isEmpty, "\(TestCompiler.rendered(c))")
    }

    @Test func bundleMatchesTheExpectedFiles() throws {
        let c = TestCompiler.compile("examples/shop")
        let bundle = try #require(c.bundle())
        let expected = TestPaths.path("examples/expected/shop")
        for path in bundle.paths {
            let text = String(decoding: bundle.files[path]!, as: UTF8.self)
            if let problem = Golden.check(text, against: expected.appendingPathComponent(path)) { Issue.record(Comment(rawValue: problem)) }
        }
        // No stale expected file: everything expected is still produced.
        let enumerator = FileManager.default.enumerator(atPath: expected.path)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: expected.appendingPathComponent(relative).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue && !relative.hasSuffix(".plan.txt") && bundle.files[relative] == nil {
                Issue.record("examples/expected/shop/\(relative) is no longer produced; delete it")
            }
        }
    }

    @Test func plansMatchTheExpectedFiles() throws {
        let c = TestCompiler.compile("examples/shop")
        let plan = try #require(c.plan)
        for campaign in plan.campaigns {
            let text = PlanReportText.text(campaign, plan)
            let file = TestPaths.path("examples/expected/shop/\(campaign.name)/\(campaign.name).plan.txt")
            if let problem = Golden.check(text, against: file) { Issue.record(Comment(rawValue: problem)) }
        }
    }
}
