import Foundation
import HeraldSupport
import HeraldTestSupport
import Testing

/// `herald diff`: the changes of a pull request in words, from two bundles or from git.
@Suite struct DiffCommandTests {
    static let shop = TestPaths.path("examples/shop")

    /// A copy of the example project with an audience narrowed, a block reworded and a campaign removed.
    static func editedCopy(in dir: URL) throws -> URL {
        let copy = dir.appendingPathComponent("shop")
        try FileManager.default.copyItem(at: shop, to: copy)
        try edit(copy)
        return copy
    }

    static func edit(_ project: URL) throws {
        func replace(_ file: String, _ old: String, _ new: String) throws {
            let url = project.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.contains(old), "\(file) no longer contains \(old)")
            try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
        }
        try replace("campaigns/welcome-series.yaml", "not exists(purchase_completed within 14d)",
                    "not exists(purchase_completed within 7d) and customer.country in [\"US\", \"CA\"]")
        try replace("campaigns/cart-abandonment.yaml", "Still thinking it over?", "Still deciding?")
        try FileManager.default.removeItem(at: project.appendingPathComponent("campaigns/north-america-shipping.yaml"))
    }

    @Test func twoBundlesDifferInWords() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let copy = try DiffCommandTests.editedCopy(in: dir)
        let old = dir.appendingPathComponent("old").path, new = dir.appendingPathComponent("new").path
        #expect(try HeraldProcess.run(["build", DiffCommandTests.shop.path, "-o", old]).status == 0)
        #expect(try HeraldProcess.run(["build", copy.path, "-o", new]).status == 0)
        let r = try HeraldProcess.run(["diff", old, new])
        #expect(r.status == 0, "\(r.stderr)")
        for line in ["## Herald: 2 campaigns changed, 0 campaigns added, 1 campaign removed, 10 unchanged",
                     "- `north-america-shipping`", "### `welcome-series`", "  - no longer requires `count(purchase_completed within 2w) < 1`",
                     "  - now requires `customer.country in [\"US\", \"CA\"]`", "### `cart-abandonment`", "- **Blocks:** `hero` changed",
                     "- <h1>Still thinking it over?</h1>", "+ <h1>Still deciding?</h1>"] {
            #expect(r.stdout.contains(line), "missing \(line) in:\n\(r.stdout)")
        }
        let json = try JSONParser.parse(Array(try HeraldProcess.run(["diff", old, new, "--format", "json"]).stdout.utf8))
        #expect(json["removed"]?.arrayValue?.compactMap(\.stringValue) == ["north-america-shipping"])
        #expect(json["changed"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["cart-abandonment", "welcome-series"])
        let same = try HeraldProcess.run(["diff", old, old])
        #expect(same.stdout.contains("No campaign changed."), "\(same.stdout)")
        let notBundle = try HeraldProcess.run(["diff", old, dir.path])
        #expect(notBundle.status == 2 && notBundle.stderr.contains("is not a bundle"), "\(notBundle.stderr)")
    }

    @Test func theBaseRevisionIsBuiltFromGit() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let project = dir.appendingPathComponent("repo/marketing/shop")
        try FileManager.default.createDirectory(at: project.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: DiffCommandTests.shop, to: project)
        let repo = dir.appendingPathComponent("repo").path
        for args in [["init", "-q"], ["add", "."], ["-c", "user.email=t@example.com", "-c", "user.name=T", "commit", "-q", "-m", "base"]] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["git", "-C", repo] + args
            try p.run()
            p.waitUntilExit()
            try #require(p.terminationStatus == 0, "git \(args)")
        }
        try DiffCommandTests.edit(project)
        let r = try HeraldProcess.run(["diff", "--git", "HEAD", project.path], timeout: 60)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("## Herald: 2 campaigns changed, 0 campaigns added, 1 campaign removed"), "\(r.stdout)")
    }
}
