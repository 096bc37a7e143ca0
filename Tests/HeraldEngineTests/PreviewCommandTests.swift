import Foundation
import HeraldTestSupport
import Testing

/// `herald preview` as a user runs it: from a profile file, from a database row, and every version.
@Suite struct PreviewCommandTests {
    func scratch() -> URL {
        let dir = TestPaths.temporaryDirectory()
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func profileValuesAreEscapedInTheHTMLAndPlainInTheText() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let profile = dir.appendingPathComponent("p.json")
        try Data(#"{"customer": {"first_name": "<script>alert(\"x\")</script>", "customer_id": 7}, "arm": "control", "blocks": {"hero": 0}}"#.utf8)
            .write(to: profile)
        let html = try HeraldProcess.run(["preview", "cart-abandonment", "--project", TestPaths.path("examples/shop").path, "--profile", profile.path])
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stdout.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;") || html.stdout.contains("&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;"))
        #expect(!html.stdout.contains("<script>"))
        let text = try HeraldProcess.run(["preview", "cart-abandonment", "--project", TestPaths.path("examples/shop").path,
                                          "--profile", profile.path, "--part", "text"])
        #expect(text.status == 0)
        #expect(!text.stdout.contains("<p>"))
        let headers = try HeraldProcess.run(["preview", "cart-abandonment", "--project", TestPaths.path("examples/shop").path,
                                             "--profile", profile.path, "--part", "headers"])
        #expect(headers.stdout.contains("Subject: <script>alert(\"x\")</script>"), "\(headers.stdout)")
    }

    @Test func aWrongProfileIsAnInvocationError() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let profile = dir.appendingPathComponent("p.json")
        try Data(#"{"customer": {"frist_name": "Ann"}}"#.utf8).write(to: profile)
        let r = try HeraldProcess.run(["preview", "welcome-series", "--project", TestPaths.path("examples/shop").path, "--profile", profile.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("did you mean `first_name`?"), "\(r.stderr)")
        let arm = try HeraldProcess.run(["preview", "cart-abandonment", "--project", TestPaths.path("examples/shop").path, "--arm", "nope"])
        #expect(arm.status == 2)
        #expect(arm.stderr.contains("its arms are control, urgent"), "\(arm.stderr)")
    }

    @Test func aDatabaseRowRendersThroughTheAudienceQuery() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = "sqlite:" + dir.appendingPathComponent("shop.sqlite").path
        let shop = TestPaths.path("examples/shop").path
        let made = try HeraldProcess.run(["sample-data", shop, "--db", db, "--customers", "400", "--as-of", "2026-11-25T12:00:00Z"], timeout: 120)
        #expect(made.status == 0, "\(made.stderr)")
        let audience = try HeraldProcess.run(["audience", "welcome-series", "--project", shop, "--db", db, "--as-of", "2026-11-25T12:00:00Z", "--limit", "1"])
        #expect(audience.status == 0, "\(audience.stderr)")
        // The table's third line starts with the first recipient's key.
        let lines = audience.stdout.split(separator: "\n")
        let key = try #require(lines.last.flatMap { $0.split(separator: " ").first.map(String.init) })
        let r = try HeraldProcess.run(["preview", "welcome-series", "--project", shop, "--db", db, "--customer", key, "--as-of", "2026-11-25T12:00:00Z"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("<html"))
        let outsider = try HeraldProcess.run(["preview", "welcome-series", "--project", shop, "--db", db, "--customer", "999999",
                                              "--as-of", "2026-11-25T12:00:00Z"])
        #expect(outsider.status == 2)
        #expect(outsider.stderr.contains("is not in the audience"), "\(outsider.stderr)")
    }

    @Test func allArmsWritesEveryVersionAndAnIndex() throws {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try HeraldProcess.run(["preview", "cart-abandonment", "--project", TestPaths.path("examples/shop").path, "--all-arms", "-o", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: dir.path))
        #expect(files.isSuperset(of: ["index.html", "control.hero-0.html", "control.hero-1.html", "urgent.hero-0.html", "urgent.hero-1.txt"]), "\(files)")
    }
}
