import Foundation
import HeraldDriver
import HeraldEmail
import HeraldSupport
import HeraldTestSupport
import Testing

/// Customer values of every hostile shape, rendered into every output context (HTML text, double-
/// and single-quoted attributes, URL attributes, the plain-text subject), never add an element, an
/// attribute or a URL scheme: checked by parsing each rendered document with libxml2.
@Suite struct HostileValueTests {
    static let fragments = [
        "<script>alert(1)</script>", "\"", "'", "\"><img src=x onerror=alert(1)>", "' onmouseover='x", "javascript:alert(1)",
        " JaVaScRiPt:alert(1)", "&#x6a;avascript:", "data:text/html,<b>x</b>", "{{ customer.email }}", "{% raw %}", "}}", "</a>",
        "<!--", "-->", "]]>", "\\", "&amp;", "&", "\n", "\t", "\u{FFFD}", "\u{202E}", "é", "👩‍👩‍👧", "</p><p>", "<style>", "`",
        "vbscript:x", "mailto:a@b.example", "https://ok.example/?q=<x>&r=\"y\"", "  ", "=", "/>", "<",
    ]

    static let template = """
        campaign: hostile
        kind: marketing
        audience:
          where: count(purchase_completed within 30d) >= 1
        message:
          subject: "Hi {{ customer.city | default: '' }}"
          preheader: "Hello"
          html: |
            <html><body>
            <p>{{ customer.city | default: "" }}</p>
            <p title="{{ customer.city | default: '' }}">double</p>
            <p title='{{ customer.city | default: "" }}'>single</p>
            {% for r in customer.recommendations limit: 1 %}<a href="{{ r.url }}">link</a><img src="{{ r.image_url }}" alt="{{ r.name }}" width="10">{% endfor %}
            <p><a href="{{ unsubscribe_url }}">Unsubscribe</a> {{ postal_address }}</p>
            </body></html>

        """

    /// Element names with their sorted attribute names, in document order: the document's structure.
    static func structure(_ html: String) -> [String] {
        guard let root = HTMLParser.parse(html).root else { return [] }
        return ([root] + root.descendants).map { e in e.name + "[" + e.attributes.map(\.name).sorted().joined(separator: ",") + "]" }
    }

    static func input(_ value: String, base: RenderInput) -> RenderInput {
        var input = base
        input.fields["city"] = .string(value)
        input.relations["recommendations"] = [["url": .string(value), "image_url": .string(value), "name": .string(value)]]
        return input
    }

    @Test func hostileValuesNeverChangeTheDocument() throws {
        let p = try ScratchProject(files: ["campaigns/hostile.yaml": HostileValueTests.template])
        let c = p.compile()
        let message = try #require(c.messages["hostile"], "\(c.diagnostics.items.map(\.message))")
        let schema = try #require(c.checked?.schema)
        let base = PreviewProfile.sample(schema: schema, message: message).input
        let baseline = HostileValueTests.structure(message.render(HostileValueTests.input("Springfield", base: base), variant: nil).html)
        #expect(baseline.contains("a[href]") && baseline.contains("img[alt,src,width]"))
        var random = SeededRandom(seed: 20261203)
        var values = HostileValueTests.fragments + [String(repeating: "<script>\"'", count: 100_000)]
        for _ in 0..<300 {
            let n = random.int(in: 1...4)
            var value = ""
            for _ in 0..<n { value += HostileValueTests.fragments[random.int(HostileValueTests.fragments.count)] }
            values.append(value)
        }
        for value in values {
            let r = message.render(HostileValueTests.input(value, base: base), variant: nil)
            let label = String(value.prefix(60).debugDescription)
            #expect(HostileValueTests.structure(r.html) == baseline, "structure changed for \(label)")
            let parsed = HTMLParser.parse(r.html)
            let elements = parsed.root.map { [$0] + $0.descendants } ?? []
            // Values that libxml2 keeps verbatim come back exactly from text and attributes.
            if !value.contains("\r") && !value.contains("\0") {
                let paragraphs = elements.filter { $0.name == "p" }
                #expect(paragraphs.first?.textContent == value, "text of \(label)")
                #expect(paragraphs.dropFirst().prefix(2).allSatisfy { $0.attribute("title") == value }, "attributes of \(label)")
            }
            for e in elements {
                for (name, url) in e.attributes where name == "href" || name == "src" {
                    let lower = url.lowercased()
                    let safe = ["https:", "http:", "mailto:", "tel:"].contains { lower.hasPrefix($0) } || url == "about:invalid#herald"
                    #expect(safe, "unsafe \(name)=\(url.prefix(60).debugDescription) for \(label)")
                }
            }
            #expect(r.subject == "Hi " + value, "subject of \(label)")
        }
    }
}
