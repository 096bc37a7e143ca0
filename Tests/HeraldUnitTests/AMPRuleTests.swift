import HeraldDiagnostics
import HeraldEmail
import HeraldSource
import Testing

/// Each AMP for Email rule on one document that passes and one that fails, with the code and the
/// place (line and column) of the diagnostic.
@Suite struct AMPRuleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var code: String
        /// One line of extra head markup and one line of body, for the passing and the failing document.
        var passing: (head: String, body: String)
        var failing: (head: String, body: String)
        var line: Int
        var column: Int
        var testDescription: String { name }
    }

    static let bind = #"  <script async custom-element="amp-bind" src="https://cdn.ampproject.org/v0/amp-bind-0.1.js"></script>"#
    static let listAndMustache = #"  <script async custom-element="amp-list" src="https://cdn.ampproject.org/v0/amp-list-0.1.js"></script><script async custom-template="amp-mustache" src="https://cdn.ampproject.org/v0/amp-mustache-0.2.js"></script><script async custom-element="amp-bind" src="https://cdn.ampproject.org/v0/amp-bind-0.1.js"></script>"#
    static let carousel = #"  <script async custom-element="amp-carousel" src="https://cdn.ampproject.org/v0/amp-carousel-0.2.js"></script>"#
    static let list = "  <amp-list src=\"https://a.example/l.json\" layout=\"container\"><template type=\"amp-mustache\">"

    static let cases: [Case] = [
        Case(name: "img is not allowed", code: "H0415", passing: ("", "  <p>Hi</p>"),
             failing: ("", #"  <img src="https://a.example/x.png" alt="" width="10">"#), line: 10, column: 4),
        Case(name: "script handlers", code: "H0415", passing: ("", #"  <p class="x">Hi</p>"#), failing: ("", #"  <p onclick="x()">Hi</p>"#), line: 10, column: 4),
        Case(name: "link target", code: "H0415", passing: ("", #"  <a href="https://a.example/" target="_blank">x</a>"#),
             failing: ("", #"  <a href="https://a.example/" target="_self">x</a>"#), line: 10, column: 4),
        Case(name: "custom JavaScript", code: "H0415", passing: ("", #"  <script type="application/ld+json">{}</script>"#),
             failing: ("", "  <script>alert(1)</script>"), line: 10, column: 4),
        Case(name: "extension version", code: "H0415",
             passing: (carousel, #"  <amp-carousel width="400" height="300" layout="responsive"><div>a</div></amp-carousel>"#),
             failing: (carousel.replacingOccurrences(of: "0.2.js", with: "latest.js"),
                       #"  <amp-carousel width="400" height="300" layout="responsive"><div>a</div></amp-carousel>"#), line: 7, column: 4),
        Case(name: "missing extension", code: "H0415",
             passing: (carousel, #"  <amp-carousel width="400" height="300" layout="responsive"><div>a</div></amp-carousel>"#),
             failing: ("", #"  <amp-carousel width="400" height="300" layout="responsive"><div>a</div></amp-carousel>"#), line: 10, column: 4),
        Case(name: "web-only component", code: "H0415", passing: ("", "  <p>Hi</p>"),
             failing: ("", #"  <amp-iframe src="https://a.example/" width="10" height="10"></amp-iframe>"#), line: 10, column: 4),
        Case(name: "link scheme", code: "H0415", passing: ("", #"  <a href="tel:+15551234">Call</a>"#),
             failing: ("", #"  <a href="sms:+15551234">Text</a>"#), line: 10, column: 4),
        Case(name: "image over https", code: "H0415", passing: ("", #"  <amp-img src="https://a.example/x.png" width="10" height="10" alt=""></amp-img>"#),
             failing: ("", #"  <amp-img src="http://a.example/x.png" width="10" height="10" alt=""></amp-img>"#), line: 10, column: 4),
        Case(name: "image layout", code: "H0415", passing: ("", #"  <amp-img src="https://a.example/x.png" layout="fill" alt=""></amp-img>"#),
             failing: ("", #"  <amp-img src="https://a.example/x.png" alt=""></amp-img>"#), line: 10, column: 4),
        Case(name: "nested fetch", code: "H0415", passing: (listAndMustache, list + "<p>{{name}}</p></template></amp-list>"),
             failing: (listAndMustache, list + #"<amp-state id="s"><script type="application/json">{}</script></amp-state></template></amp-list>"#),
             line: 10, column: 94),
        // The enclosing fetch is not the parent: every ancestor counts.
        Case(name: "nested fetch, deeper", code: "H0415", passing: (listAndMustache, list + "<div><p>{{name}}</p></div></template></amp-list>"),
             failing: (listAndMustache, list + #"<div><amp-state id="s"><script type="application/json">{}</script></amp-state></div></template></amp-list>"#),
             line: 10, column: 99),
        Case(name: "bindings", code: "H0415", passing: (bind, #"  <p [text]="greeting">Hi</p>"#),
             failing: (bind, #"  <a href="https://a.example/" [href]="target">x</a>"#), line: 10, column: 4),
        Case(name: "important", code: "H0416", passing: ("", #"  <p style="color: red">x</p>"#),
             failing: ("", #"  <p style="color: red !important">x</p>"#), line: 10, column: 4),
        Case(name: "inline style size", code: "H0416", passing: ("", #"  <p style="color: red">x</p>"#),
             failing: ("", "  <p style=\"" + String(repeating: "color: red; ", count: 90) + "\">x</p>"), line: 10, column: 4),
        Case(name: "at-rules", code: "H0416", passing: ("  <style amp-custom>@media (max-width: 600px) { p { color: red } }</style>", "  <p>x</p>"),
             failing: ("  <style amp-custom>@import url(https://a.example/x.css);</style>", "  <p>x</p>"), line: 7, column: 4),
        Case(name: "title", code: "H0418", passing: ("", "  <p>x</p>"), failing: ("  <title>Sale</title>", "  <p>x</p>"), line: 7, column: 4),
    ]

    static func document(_ parts: (head: String, body: String)) -> String {
        """
        <!doctype html>
        <html ⚡4email data-css-strict>
        <head>
          <meta charset="utf-8">
          <script async src="https://cdn.ampproject.org/v0.js"></script>
          <style amp4email-boilerplate>body{visibility:hidden}</style>
        \(parts.head)
        </head>
        <body>
        \(parts.body)
        </body>
        </html>

        """
    }

    static func validate(_ text: String) -> (DocumentValidator.Kind, [Diagnostic], SourceManager) {
        let sources = SourceManager()
        let file = sources.add(path: "t.html", text: text)
        let (kind, bag) = DocumentValidator.validate(file)
        return (kind, bag.items, sources)
    }

    @Test(arguments: cases)
    func passingDocumentIsClean(_ c: Case) {
        let (kind, diagnostics, _) = AMPRuleTests.validate(AMPRuleTests.document(c.passing))
        #expect(kind == .amp)
        #expect(diagnostics.isEmpty, "\(diagnostics.map { "\($0.code) \($0.message)" })")
    }

    @Test(arguments: cases)
    func failingDocumentIsReportedWhereItIs(_ c: Case) throws {
        let (_, diagnostics, sources) = AMPRuleTests.validate(AMPRuleTests.document(c.failing))
        let found = diagnostics.filter { $0.code == c.code }
        #expect(found.count == 1, "\(diagnostics.map { "\($0.code) \($0.message)" })")
        let span = try #require(found.first?.span)
        let location = try #require(sources.file(span.file)).location(of: Int(span.start))
        #expect(location.line == c.line && location.column == c.column, "at \(location)")
    }

    /// The three spellings of the format identifier make a document AMP; anything else is HTML email.
    @Test func theHTMLTagDecidesTheFormat() {
        for tag in ["<html ⚡4email data-css-strict>", "<html ⚡️4email data-css-strict>", "<html amp4email data-css-strict>"] {
            let text = AMPRuleTests.document(("", "  <p>x</p>")).replacingOccurrences(of: "<html ⚡4email data-css-strict>", with: tag)
            let (kind, diagnostics, _) = AMPRuleTests.validate(text)
            #expect(kind == .amp && diagnostics.isEmpty, "\(tag): \(diagnostics.map(\.message))")
        }
        let (kind, _, _) = AMPRuleTests.validate("<!doctype html><html lang=\"en\"><body><p>x</p></body></html>")
        #expect(kind == .html)
    }

    /// The required markup: each piece removed from a valid document is reported.
    @Test(arguments: [
        ("<style amp4email-boilerplate>body{visibility:hidden}</style>", "boilerplate style"),
        ("<script async src=\"https://cdn.ampproject.org/v0.js\"></script>", "AMP runtime script"),
        ("<meta charset=\"utf-8\">", "`<meta charset=\"utf-8\">`"),
        ("<!doctype html>", "`<!doctype html>`"),
    ])
    func missingRequiredMarkupIsReported(_ removed: String, _ named: String) {
        let text = AMPRuleTests.document(("", "  <p>x</p>")).replacingOccurrences(of: removed, with: "")
        let (_, diagnostics, _) = AMPRuleTests.validate(text)
        let found = diagnostics.filter { $0.code == "H0415" && $0.message.contains(named) }
        #expect(found.count == 1, "\(diagnostics.map(\.message))")
    }
}
