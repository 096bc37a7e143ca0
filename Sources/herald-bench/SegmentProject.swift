import Foundation

/// A generated project of N segments over the same few windows with different thresholds, one
/// campaign per segment: the shape where sharing scans matters most.
enum SegmentProject {
    static func write(segments n: Int, schemaFrom shop: URL, to dir: URL) throws {
        let fm = FileManager.default
        for sub in ["segments", "campaigns"] { try fm.createDirectory(at: dir.appendingPathComponent(sub), withIntermediateDirectories: true) }
        try fm.copyItem(at: shop.appendingPathComponent("schema.yaml"), to: dir.appendingPathComponent("schema.yaml"))
        try Data("""
            project: segments\(n)
            targets: [sqlite, postgres, duckdb]
            from: "Bench <bench@acme.example>"
            postal_address: "Acme, 1 Main Street, Springfield, USA"

            """.utf8).write(to: dir.appendingPathComponent("herald.yaml"))
        let templates: [(Int) -> String] = [
            { "count(product_viewed within 30d) >= \($0 % 7 + 1)" },
            { "sum(purchase_completed.total within 90d) > \(($0 % 9 + 1) * 25)" },
            { "count(cart_added within 7d) >= \($0 % 3 + 1) and not exists(purchase_completed within 7d)" },
            { "count(email_opened within 30d) >= \($0 % 5 + 1) and count(purchase_completed within 90d) >= \($0 % 2 + 1)" },
            { "count(product_viewed where event.category == \"boots\" within 30d) >= \($0 % 4 + 1)" },
        ]
        for i in 0..<n {
            let rule = templates[i % templates.count](i / templates.count)
            try Data("segment: s\(i)\nwhere: \(rule)\n".utf8).write(to: dir.appendingPathComponent("segments/s\(i).yaml"))
            try Data("""
                campaign: c\(i)
                kind: marketing
                audience:
                  where: segment.s\(i)
                message:
                  subject: "Hello"
                  html: '<p>Hi. <a href="{{ unsubscribe_url }}">Unsubscribe</a> {{ postal_address }}</p>'

                """.utf8).write(to: dir.appendingPathComponent("campaigns/c\(i).yaml"))
        }
    }
}
