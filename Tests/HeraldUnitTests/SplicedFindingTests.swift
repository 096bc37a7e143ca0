import Foundation
import HeraldDiagnostics
import HeraldTestSupport
import Testing

/// Rules run on a spliced version's tree before its lines are moved; a version with a finding is
/// parsed again with its lines, so the finding is reported where it is, both in the layout after
/// a block of several lines and inside a block.
@Suite struct SplicedFindingTests {
    static let layout = """
        <!doctype html>
        <html><body>
        <table role="presentation"><tr><td>{{ blocks.hero }}</td></tr>
        <tr><td>{{ blocks.body }}</td></tr></table>
        <p><img src="http://acme.example/logo.png" alt="Acme" width="120"></p>
        <p><a href="{{ unsubscribe_url }}">Unsubscribe</a> {{ postal_address }}</p>
        </body></html>

        """

    static let campaign = ScratchProject.campaign("t", audience: "count(purchase_completed within 30d) >= 1", message: """
          layout: layouts/spliced.html
          amp: true
          blocks:
            hero: "<h1>Hello</h1>"
            body: |
              <p>One line.</p>
              <p>Two lines.</p>
              <p onclick="x()">Three lines.</p>
              <p>Four lines.</p>

        """)

    @Test func findingsAfterAndInsideBlocksAreWhereTheyAre() throws {
        let p = try ScratchProject(files: ["campaigns/t.yaml": Self.campaign, "layouts/spliced.html": Self.layout])
        let compilation = p.compile()
        func location(_ code: String) throws -> (path: String, line: Int, column: Int) {
            let found = compilation.diagnostics.items.filter { $0.code == code }
            #expect(found.count == 1, "\(compilation.diagnostics.items.map { "\($0.code) \($0.message)" })")
            let span = try #require(found.first?.span)
            let file = try #require(compilation.sources.file(span.file))
            let l = file.location(of: Int(span.start))
            return (file.path, l.line, l.column)
        }
        // The plain-http image in the layout, below a block that added four lines.
        let image = try location("H0408")
        #expect(image.path.hasSuffix("spliced.html") && image.line == 5 && image.column == 5, "\(image)")
        // The script handler on the block's third line (the file's fifteenth).
        let handler = try location("H0407")
        #expect(handler.path.hasSuffix("t.yaml") && handler.line == 15 && handler.column == 8, "\(handler) \(image)")
        // The AMP part's own finding on that handler, spliced the same way.
        let amp = compilation.diagnostics.items.filter { $0.code == "H0415" && $0.message.contains("onclick") }
        #expect(amp.count == 1, "\(compilation.diagnostics.items.map { "\($0.code) \($0.message)" })")
        let span = try #require(amp.first?.span)
        let file = try #require(compilation.sources.file(span.file))
        #expect(file.path.hasSuffix("t.yaml") && file.location(of: Int(span.start)).line == 15, "\(file.path) \(file.location(of: Int(span.start)))")
    }
}
