import Foundation

/// A generated campaign repository for the compiler benchmark: N campaigns over the example
/// shop's schema, N/5 segments, realistic 40-80 KB layouts, 2-4 arms per experiment, blocks with
/// alternatives, AMP on a quarter of the campaigns, all seven dialects. Seeded: the same N gives
/// the same files.
enum SyntheticRepository {
    /// The files written: every YAML file, every layout, and for each campaign the index of its
    /// file in `yaml` and of its layout in `html`.
    struct Files {
        var yaml: [URL] = [], html: [URL] = []
        var campaigns: [(yaml: Int, layout: Int)] = []
    }

    static func write(campaigns n: Int, schemaFrom shop: URL, to dir: URL) throws -> Files {
        let fm = FileManager.default
        try? fm.removeItem(at: dir)
        for sub in ["segments", "campaigns", "layouts"] { try fm.createDirectory(at: dir.appendingPathComponent(sub), withIntermediateDirectories: true) }
        var yaml: [URL] = [], html: [URL] = []
        func write(_ path: String, _ text: String) throws {
            let url = dir.appendingPathComponent(path)
            try Data(text.utf8).write(to: url)
            if path.hasSuffix(".yaml") { yaml.append(url) } else { html.append(url) }
        }
        try write("schema.yaml", String(decoding: fm.contents(atPath: shop.appendingPathComponent("schema.yaml").path)!, as: UTF8.self))
        try write("herald.yaml", """
            project: synthetic\(n)
            targets: [sqlite, postgres, duckdb, clickhouse, spark, bigquery, snowflake]
            timezone: UTC
            from: "Acme <news@acme.example>"
            postal_address: "Acme, 1 Main Street, Springfield, USA"
            frequency_cap: 3 per 7d

            """)
        let layouts = max(4, n / 50)
        for l in 0..<layouts { try write("layouts/l\(l).html", layout(l, kilobytes: 40 + (l * 13) % 41)) }
        let segments = max(1, n / 5)
        let rules = [
            "count(product_viewed within 30d) >= %d", "sum(purchase_completed.total within 90d) > %d",
            "exists(cart_added within 7d) and count(purchase_completed within 30d) < %d",
            "count(email_opened within 30d) >= %d and customer.country in [\"US\", \"CA\", \"GB\"]",
            "count(product_viewed where event.category == \"boots\" within 14d) >= %d",
        ]
        for s in 0..<segments {
            try write("segments/s\(s).yaml", """
                segment: s\(s)
                description: Generated segment \(s) for the compiler benchmark.
                owner: bench@acme.example
                where: \(String(format: rules[s % rules.count], 1 + s % 7))

                """)
        }
        var campaigns: [(yaml: Int, layout: Int)] = []
        for c in 0..<n {
            try write("campaigns/c\(c).yaml", campaign(c, segments: segments, layouts: layouts))
            campaigns.append((yaml.count - 1, c % layouts))
        }
        return Files(yaml: yaml, html: html, campaigns: campaigns)
    }

    static func campaign(_ c: Int, segments: Int, layouts: Int) -> String {
        let arms = 2 + c % 3
        let variants = (0..<arms).map { a in
            "    v\(a): { weight: \(1 + a % 2)\(a == 0 ? "" : ", subject: \"Variant \(a): new arrivals for {{ customer.first_name | default: 'you' }}\"")\(a == 2 ? ", blocks: { hero: \"<h1>Arm \(a) picks</h1>\" }" : "") }"
        }.joined(separator: "\n")
        let amp = c % 4 == 0
        return """
            campaign: c\(c)
            description: Generated campaign \(c), with an experiment of \(arms) arms\(amp ? " and an AMP part" : "").
            owner: bench@acme.example
            kind: marketing
            audience:
              where: segment.s\(c % segments) and not exists(purchase_completed within \(1 + c % 5)d) and customer.lifetime_value >= \(c) and customer.lifetime_value < \(c + 1)
            frequency_cap: 1 per \(2 + c % 6)d
            quiet_hours: { from: "21:00", to: "08:00" }
            message:
              subject: "New arrivals for {{ customer.first_name | default: 'you' }} (\(c))"
              preheader: "Fresh picks from the collection, chosen for you."
              layout: layouts/l\(c % layouts).html
              blocks:
                hero:
                  - when: customer.lifetime_value > 500
                    html: "<h1>Thank you, {{ customer.first_name | default: 'friend' }}</h1>"
                  - when: customer.country == "US"
                    html: "<h1>New in the US store</h1>"
                  - otherwise:
                    html: "<h1>New this week</h1>"
                body: |
                  <p>We picked these for you from \(c % 40 + 10) new arrivals. Free returns for 30 days.</p>
                  <p><a href="https://acme.example/new?c=\(c)">See everything new</a></p>
                picks:
                  for: rec in customer.recommendations limit 4
                  html: |
                    <a href="{{ rec.url }}"><img src="{{ rec.image_url }}" alt="{{ rec.name }}" width="140" height="140"></a>
                    <p>{{ rec.name | truncate: 40 }} &middot; {{ rec.price | money: "$" }}</p>
              amp: \(amp)
            experiment:
              id: exp-\(c)
              holdout: 5%
              variants:
            \(variants)
              goal: exists(purchase_completed within 7d)

            """
    }

    /// A table-based layout of roughly the given size, with three slots and a compliant footer.
    static func layout(_ l: Int, kilobytes: Int) -> String {
        var rows = ""
        var i = 0
        while rows.utf8.count < kilobytes * 1024 - 4000 {
            rows += """
                      <tr><td style="padding:8px 24px;font-family:Helvetica,Arial,sans-serif;font-size:14px;line-height:20px;color:#333333;">
                        <a href="https://acme.example/c/\(l)/\(i)" style="color:#1a73e8;text-decoration:none;">Collection \(i): seasonal picks, gift ideas and everyday essentials</a>
                      </td></tr>

                """
            i += 1
        }
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Acme</title>
            <style>
            body { margin: 0; padding: 0; background: #f4f4f4; }
            .wrap { width: 600px; background: #ffffff; }
            h1 { font-family: Helvetica, Arial, sans-serif; font-size: 24px; color: #111111; }
            @media (max-width: 600px) { .wrap { width: 100%; } }
            </style>
            </head>
            <body>
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0">
              <tr><td align="center">
                <table role="presentation" class="wrap" width="600" cellpadding="0" cellspacing="0">
                  <tr><td style="padding:24px;"><img src="https://acme.example/logo.png" alt="Acme" width="120" height="40"></td></tr>
                  <tr><td style="padding:0 24px;">{{ blocks.hero }}</td></tr>
                  <tr><td style="padding:0 24px;">{{ blocks.body }}</td></tr>
                  <tr><td style="padding:0 24px;">{{ blocks.picks }}</td></tr>
            \(rows)
                  <tr><td style="padding:24px;font-size:12px;color:#777777;">
                    <a href="{{ unsubscribe_url }}">Unsubscribe</a> &middot; {{ postal_address }}
                  </td></tr>
                </table>
              </td></tr>
            </table>
            </body>
            </html>

            """
    }
}
