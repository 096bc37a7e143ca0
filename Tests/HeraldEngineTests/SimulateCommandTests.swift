import Foundation
import HeraldDatabase
import HeraldSupport
import HeraldTestSupport
import Testing

/// `herald simulate` and `herald results` through the binary, on the example project.
@Suite struct SimulateCommandTests {
    static let triggered = ["boots-browse-abandonment", "cart-abandonment", "order-confirmation", "post-purchase-cross-sell", "weekly-digest"]

    @Test func aWeekOfEventsGivesATimelineForEveryTriggeredCampaign() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let shop = TestPaths.path("examples/shop").path
        let gen = try HeraldProcess.run(["sample-data", shop, "--jsonl", dir.path, "--customers", "400", "--days", "30"])
        #expect(gen.status == 0, "\(gen.stderr)")
        let args = ["simulate", shop, "--customers", dir.appendingPathComponent("customers.jsonl").path,
                    "--events", dir.appendingPathComponent("events.jsonl").path,
                    "--from", "2026-11-18T12:00:00Z", "--to", "2026-11-25T12:00:00Z", "--step", "1h"]
        let text = try HeraldProcess.run(args, timeout: 120)
        #expect(text.status == 0, "\(text.stderr)")
        let summary = text.stdout.components(separatedBy: "Per campaign:\n").last ?? ""
        for c in SimulateCommandTests.triggered {
            let line = summary.split(separator: "\n").first { $0.contains(c) } ?? ""
            #expect(line.contains(" sends") && !line.contains(" 0 sends"), "\(c) should send in a week: \(line)")
        }
        let json = try JSONParser.parse(Array(try HeraldProcess.run(args + ["--output", "json"], timeout: 120).stdout.utf8))
        let sends = try #require(json["sends"]?.arrayValue)
        #expect(text.stdout.hasPrefix("Simulated 2026-11-18T12:00:00Z to 2026-11-25T12:00:00Z: \(sends.count) sends"))
        let times = sends.compactMap { $0["at"]?.stringValue }
        #expect(times == times.sorted() && times.count == sends.count)
        // Nothing marketing goes out during the project's quiet hours (21:00 to 08:00 UTC).
        for s in sends where s["campaign"]?.stringValue != "order-confirmation" {
            let hour = Int(s["at"]!.stringValue!.dropFirst(11).prefix(2))!
            #expect(hour >= 8 && hour < 21, "a marketing send in quiet hours: \(s.compactText())")
        }
        // The weekly digest goes out from Monday (2026-11-23) 09:00 UTC, to customers who join its
        // audience within the next day too, and once per customer.
        let digest = sends.filter { $0["campaign"]?.stringValue == "weekly-digest" }
        let at = digest.compactMap { $0["at"]?.stringValue }
        #expect(!at.isEmpty && at.allSatisfy { $0.hasPrefix("2026-11-23T") && $0 >= "2026-11-23T09:00:00Z" }, "\(Set(at))")
        #expect(at.filter { $0 == "2026-11-23T09:00:00Z" }.count > at.count / 2)
        #expect(Set(digest.map { $0["customer"]!.compactText() }).count == digest.count)

        let broken = dir.appendingPathComponent("broken.jsonl")
        try Data("{\"customer\": 1, \"event\": \"cart_added\", \"time\": \"2026-11-20T10:00:00Z\"}\n{\"customer\": 1, \"event\": \"cart_dropped\", \"time\": \"2026-11-20T10:00:00Z\"}\n".utf8).write(to: broken)
        var bad = args
        bad[5] = broken.path
        let r = try HeraldProcess.run(bad)
        #expect(r.status == 2 && r.stderr.contains("broken.jsonl:2: the schema has no event `cart_dropped`"), "\(r.stderr)")
    }

    @Test func resultsPrintsEveryArmFromTheSendsLog() throws {
        let dir = TestPaths.temporaryDirectory()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("shop.db").path
        let shop = TestPaths.path("examples/shop").path
        #expect(try HeraldProcess.run(["sample-data", shop, "--db", "sqlite:" + file, "--customers", "600"]).status == 0)
        let empty = try HeraldProcess.run(["results", "cart-abandonment", "--project", shop, "--db", "sqlite:" + file, "--as-of", "2026-11-25T12:00:00Z"])
        #expect(empty.status == 0 && empty.stdout.contains("(no sends recorded yet)"), "\(empty.stdout)\(empty.stderr)")
        // Log the audience as sent ten days ago; the sample's purchases since then are the conversions.
        let db = try SQLiteConnection(path: file)
        let audience = try HeraldProcess.run(["audience", "cart-abandonment", "--project", shop, "--db", "sqlite:" + file,
                                              "--as-of", "2026-11-15T12:00:00Z", "--limit", "0"])
        #expect(audience.status == 0, "\(audience.stderr)")
        try db.execute("""
            INSERT INTO herald_sends (customer_id, campaign, arm, sent_at)
            SELECT customer_id, 'cart-abandonment',
                   CASE WHEN customer_id % 10 = 0 THEN 'holdout' WHEN customer_id % 2 = 0 THEN 'control' ELSE 'urgent' END,
                   '2026-11-15 12:00:00'
            FROM customers
            """)
        let r = try HeraldProcess.run(["results", "cart-abandonment", "--project", shop, "--db", "sqlite:" + file, "--as-of", "2026-11-25T12:00:00Z"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.contains("experiment `cart-subject-2026-11`, goal `exists(purchase_completed within 3d)`") == true, "\(r.stdout)")
        #expect(lines.count == 5 && lines[1].hasPrefix("arm") && lines[2].hasPrefix("control") && lines[3].hasPrefix("urgent") && lines[4].hasPrefix("holdout"), "\(r.stdout)")
        #expect(lines[2].hasSuffix("(baseline)") && lines[2].contains("%"), "\(r.stdout)")
        let noGoal = try HeraldProcess.run(["results", "loyal-thank-you", "--project", shop, "--db", "sqlite:" + file])
        #expect(noGoal.status == 2, "\(noGoal.stdout)")
    }
}
