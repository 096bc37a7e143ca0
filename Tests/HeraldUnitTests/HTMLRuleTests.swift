import Foundation
import HeraldDiagnostics
import HeraldTestSupport
import Testing

/// Each HTML rule of the email phase on one snippet that passes and one that fails, with the code
/// and the place (line and column in the campaign file) of the diagnostic.
@Suite struct HTMLRuleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var code: String
        var passing: String
        var failing: String
        /// The 1-based column, within the snippet, where the diagnostic points.
        var column: Int
        /// Whether the body ends with the usual visible unsubscribe footer.
        var footer = true
        var testDescription: String { code }
    }

    static let cases: [Case] = [
        Case(code: "H0406", passing: #"<p>Hi</p>"#, failing: #"<p>Hi</p><iframe src="https://a.example/"></iframe>"#, column: 11),
        Case(code: "H0406", passing: #"<p>Hi</p>"#, failing: #"<form action="https://a.example/"><p>Hi</p></form>"#, column: 2),
        Case(code: "H0407", passing: #"<p class="x">Hi</p>"#, failing: #"<p onmouseover="x()">Hi</p>"#, column: 2),
        Case(code: "H0408", passing: #"<a href="mailto:help@acme.example">Help</a>"#, failing: #"<a href="javascript:alert(1)">Help</a>"#, column: 2),
        Case(code: "H0408", passing: ##"<a href="#top">Top</a>"##, failing: #"<a href="/account">Account</a>"#, column: 2),
        Case(code: "H0408", passing: #"<img src="https://a.example/x.png" alt="" width="10">"#,
             failing: #"<img src="http://a.example/x.png" alt="" width="10">"#, column: 2),
        Case(code: "H0409", passing: #"<img src="https://a.example/x.png" alt="" width="10">"#,
             failing: #"<img src="https://a.example/x.png" width="10">"#, column: 2),
        Case(code: "H0410", passing: #"<img src="https://a.example/x.png" alt="Boots" width="600">"#,
             failing: #"<img src="https://a.example/x.png" alt="Boots" style="width:600px">"#, column: 2),
        Case(code: "H0411", passing: #"<div style="display: block">Hi</div>"#, failing: #"<div style="display : inline-grid">Hi</div>"#, column: 2),
        Case(code: "H0411", passing: #"<style>p { color: red }</style>"#, failing: #"<style>.row { display: flex }</style>"#, column: 2),
        // A character reference spells the word only once parsed: the document's bytes never hold `flex`.
        Case(code: "H0411", passing: #"<p style="color: red">It&#39;s &#8217;here&#8217;</p>"#,
             failing: #"<div style="display: fl&#x65;x">Hi</div>"#, column: 2),
        Case(code: "H0411", passing: #"<p class="grid">A grid of &amp; boots</p>"#, failing: #"<div style="DISPLAY:&#71;RID">Hi</div>"#, column: 2),
        Case(code: "H0702", passing: #"<p><a href="{{ unsubscribe_url }}">Unsubscribe</a> {{ postal_address }}</p>"#,
             failing: #"<p><a href="{{ unsubscribe_url }}" style="display:none">Unsubscribe</a> {{ postal_address }}</p>"#,
             column: 5, footer: false),
        // Hidden by an ancestor, not by the link itself.
        Case(code: "H0702", passing: #"<div style="color:red"><p><a href="{{ unsubscribe_url }}">Unsubscribe</a> {{ postal_address }}</p></div>"#,
             failing: #"<div style="Display : None"><p><a href="{{ unsubscribe_url }}">Unsubscribe</a> {{ postal_address }}</p></div>"#,
             column: 33, footer: false),
        // A hidden link first and a visible one after it pass; two hidden ones do not.
        Case(code: "H0702",
             passing: #"<p hidden><a href="{{ unsubscribe_url }}">Unsubscribe</a></p><p><a href="{{ unsubscribe_url }}">Unsubscribe</a> {{ postal_address }}</p>"#,
             failing: #"<p hidden><a href="{{ unsubscribe_url }}">Unsubscribe</a></p><p style="visibility:hidden"><a href="{{ unsubscribe_url }}">Unsubscribe</a> {{ postal_address }}</p>"#,
             column: 12, footer: false),
        // A link without text is not a visible link.
        Case(code: "H0702", passing: #"<p><a href="{{ unsubscribe_url }}"> Stop </a> {{ postal_address }}</p>"#,
             failing: #"<p><a href="{{ unsubscribe_url }}">  </a> {{ postal_address }}</p>"#,
             column: 5, footer: false),
    ]

    static func campaign(_ snippet: String, footer: Bool) -> String {
        """
        campaign: t
        kind: marketing
        audience:
          where: count(purchase_completed within 30d) >= 1
        message:
          subject: "Hello"
          preheader: "Hi"
          html: |
            <html><body>
            \(snippet)
            \(footer ? #"<p><a href="{{ unsubscribe_url }}">Unsubscribe</a> {{ postal_address }}</p>"# : "")
            </body></html>

        """
    }

    @Test(arguments: cases)
    func passingSnippetIsClean(_ c: Case) throws {
        let p = try ScratchProject(files: ["campaigns/t.yaml": HTMLRuleTests.campaign(c.passing, footer: c.footer)])
        // The scratch project's shop segments are unused here (H0214): only the email phase counts.
        let diagnostics = p.compile().diagnostics.items.filter { $0.code.hasPrefix("H04") || $0.code.hasPrefix("H07") }
        #expect(diagnostics.isEmpty, "\(diagnostics.map { "\($0.code) \($0.message)" })")
    }

    @Test(arguments: cases)
    func failingSnippetIsReportedWhereItIs(_ c: Case) throws {
        let p = try ScratchProject(files: ["campaigns/t.yaml": HTMLRuleTests.campaign(c.failing, footer: c.footer)])
        let compilation = p.compile()
        let found = compilation.diagnostics.items.filter { $0.code == c.code }
        #expect(found.count == 1, "\(compilation.diagnostics.items.map { "\($0.code) \($0.message)" })")
        guard let d = found.first, let span = d.span, let file = compilation.sources.file(span.file) else { return }
        let location = file.location(of: Int(span.start))
        #expect(location.line == 10 && location.column == c.column + 4, "at \(location)")
    }
}
