import Foundation
import HeraldTestSupport
import Testing

/// `herald check` with `.herald-cache/`: after every kind of edit, the cached check prints exactly
/// what a check from scratch prints, and an edit to one campaign checks only that file again.
@Suite struct IncrementalCheckTests {
    /// Diagnostics (human and JSON) of a cached and of an uncached check, with the summary line's
    /// note about the cache removed.
    static func both(_ project: URL) throws -> (cached: String, fresh: String, summary: String) {
        let cached = try HeraldProcess.run(["check", project.path])
        let cachedJSON = try HeraldProcess.run(["check", project.path, "--format", "json"])
        let fresh = try HeraldProcess.run(["check", project.path, "--no-cache"])
        let freshJSON = try HeraldProcess.run(["check", project.path, "--no-cache", "--format", "json"])
        func strip(_ s: String) -> String {
            s.replacingOccurrences(of: #"(?m)^Checked \d+ campaigns? and \d+ segments? \([^\n]*\)\.\n\z"#, with: "", options: .regularExpression)
                .replacingOccurrences(of: #" \((\d+ changed files? checked again, the rest )?from `\.herald-cache`\)"#, with: "", options: .regularExpression)
        }
        #expect(cached.status == fresh.status)
        return (strip(cached.stderr) + cachedJSON.stdout, fresh.stderr + freshJSON.stdout, cached.stderr)
    }

    @Test func everyEditGivesWhatAFreshCheckGives() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let shop = dir.appendingPathComponent("shop")
        try FileManager.default.copyItem(at: TestPaths.path("examples/shop"), to: shop)
        try? FileManager.default.removeItem(at: shop.appendingPathComponent(".herald-cache"))
        func edit(_ file: String, _ old: String, _ new: String) throws {
            let url = shop.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.contains(old), "\(file) has no \(old)")
            try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
        }
        func same(_ step: String, rechecked: Bool? = nil) throws {
            let r = try IncrementalCheckTests.both(shop)
            #expect(r.cached == r.fresh, "\(step): the cached check differs:\n\(r.cached.prefix(1500))\n---\n\(r.fresh.prefix(1500))")
            if let rechecked {
                #expect(r.summary.contains("from `.herald-cache`") == rechecked, "\(step): \(r.summary.suffix(300))")
            }
        }
        try same("first run")
        #expect(FileManager.default.fileExists(atPath: shop.appendingPathComponent(".herald-cache/check.tsv").path))
        let ignore = try String(contentsOf: shop.appendingPathComponent(".herald-cache/.gitignore"), encoding: .utf8)
        #expect(ignore.contains("*"))
        try same("no change", rechecked: true)
        try edit("campaigns/cart-abandonment.yaml", "Still thinking it over?", "Still deciding?")
        try same("a block reworded", rechecked: true)
        try edit("campaigns/loyal-thank-you.yaml", "Shop now</a>", "Shop now</a><img src=\"http://x.example/a.png\">")
        try same("an error in a message")
        try edit("campaigns/loyal-thank-you.yaml", "<img src=\"http://x.example/a.png\">", "")
        try same("the error fixed")
        try edit("campaigns/win-back-dormant.yaml", "where: segment.dormant", "where: segment.dormant and customer.country == \"US\"")
        try same("an audience narrowed")
        // Naming another segment checks the whole project; the edits after it are audience edits.
        try edit("campaigns/loyal-thank-you.yaml", "where: segment.loyal", "where: segment.loyal and (segment.top_spenders or customer.country == \"GB\")")
        try same("a segment added to an audience")
        try edit("campaigns/loyal-thank-you.yaml", "(segment.top_spenders or customer.country", "(segment.top_spenders and customer.country")
        try same("an audience now inside another campaign's", rechecked: true)
        #expect(try HeraldProcess.run(["check", shop.path]).stderr.contains("H0503"))
        try edit("campaigns/vip-top-spenders.yaml", "where: segment.top_spenders", "where: segment.top_spenders and customer.country == \"US\"")
        try same("the containing audience narrowed", rechecked: true)
        try edit("campaigns/vip-top-spenders.yaml", "where: segment.top_spenders and customer.country == \"US\"", "where: segment.top_spenders")
        try same("the containing audience widened again", rechecked: true)
        try edit("campaigns/loyal-thank-you.yaml", "(segment.top_spenders and customer.country", "(segment.top_spenders or customer.country")
        try same("the redundancy gone", rechecked: true)
        #expect(try !HeraldProcess.run(["check", shop.path]).stderr.contains("H0503"))
        try edit("campaigns/welcome-series.yaml", "kind: marketing", "kind: marketing\n# a comment that shifts every offset below")
        try same("offsets shifted")
        try edit("campaigns/at-risk-nudge.yaml", "campaign: at-risk-nudge", "campaign: at-risk-nudge-2")
        try same("a campaign renamed")
        try edit("campaigns/at-risk-nudge.yaml", "campaign: at-risk-nudge-2", "campaign: win-back-dormant")
        try same("a duplicate name")
        try edit("campaigns/at-risk-nudge.yaml", "campaign: win-back-dormant", "campaign: at-risk-nudge")
        try edit("segments/loyal.yaml", "0.7", "0.8")
        try same("a segment changed")
        try edit("layouts/base.html", "</body>", "<p>Footer</p></body>")
        try same("a layout changed")
        try FileManager.default.copyItem(at: shop.appendingPathComponent("campaigns/loyal-thank-you.yaml"), to: shop.appendingPathComponent("campaigns/copy.yaml"))
        try same("a campaign added (a duplicate)")
        try FileManager.default.removeItem(at: shop.appendingPathComponent("campaigns/copy.yaml"))
        try same("a campaign removed")
        try edit("campaigns/north-america-shipping.yaml", "segment.north_america_recent", "segment.loyal")
        try same("other segments referenced")
        try Data("not: [valid".utf8).write(to: shop.appendingPathComponent(".herald-cache/check.tsv"))
        try same("a corrupt cache")
    }
}
