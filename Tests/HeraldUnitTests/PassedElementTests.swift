import Foundation
import HeraldDiagnostics
import HeraldDriver
@testable import HeraldEmail
import HeraldTestSupport
import Testing

/// Once a version of a message passes the element rules, the other versions spliced into the
/// same skeleton are checked by those rules only on the elements their splice changed. That must
/// report exactly what checking every version whole reports, and it must be the path taken.
@Suite struct PassedElementTests {
    /// A layout whose own elements pass every rule, and a campaign whose arms and block
    /// alternatives bring problems of their own in some versions and none in others.
    static let cleanLayout = """
        <!doctype html>
        <html><head><style>td { padding: 4px; }</style></head><body>
        <table role="presentation" width="600"><tr><td>{{ blocks.hero }}</td></tr>
        <tr><td><div>{{ blocks.body }}</div></td></tr></table>
        <p><img src="https://acme.example/logo.png" alt="Acme" width="120" height="40"></p>
        <p><a href="{{ unsubscribe_url }}">Unsubscribe</a> {{ postal_address }}</p>
        </body></html>

        """

    /// The same with problems in the layout itself: nothing is skipped, and each is reported once.
    static let faultyLayout = cleanLayout
        .replacingOccurrences(of: "https://acme.example/logo.png\" alt=\"Acme\"", with: "http://acme.example/logo.png\"")
        .replacingOccurrences(of: "<div>", with: "<div onclick=\"go()\" style=\"display:flex\">")

    static let campaign = ScratchProject.campaign("t", audience: "count(purchase_completed within 30d) >= 1", message: """
          layout: layouts/spliced.html
          amp: true
          blocks:
            hero:
              - when: segment.loyal
                html: "<h1>Welcome back</h1><p><img src=\\"https://acme.example/a.png\\" alt=\\"\\" width=\\"10\\" height=\\"10\\"></p>"
              - otherwise:
                html: "<h1 onmouseover=\\"x()\\">Hello</h1><p><a href=\\"http://acme.example/\\">Shop</a></p>"
            body: |
              <p>One line.</p>
              <p style="display: grid">Two lines.</p>
        experiment:
          id: t-arms
          holdout: 10%
          variants:
            control: { weight: 1 }
            plain: { weight: 1, blocks: { body: "<p>Plain.</p>" } }
            broken: { weight: 1, blocks: { body: "<p><img src=\\"https://acme.example/b.png\\"></p><form action=\\"/x\\"></form>" } }
          goal: exists(purchase_completed within 3d)

        """)

    static func validations(layout: String, campaign: String = campaign) throws -> (limited: [String], whole: [String], limitedChecks: [MessagePart: Int]) {
        let p = try ScratchProject(files: ["campaigns/t.yaml": campaign, "layouts/spliced.html": layout])
        let compilation = p.compile()
        let checked = try #require(compilation.checked?.campaign(named: "t"))
        let message = try #require(compilation.messages["t"])
        func run(_ skips: Bool) -> (DiagnosticBag, [MessagePart: Int]) {
            MessageValidator.validate(message, schema: compilation.checked!.schema, fallback: checked.message.body.span,
                                      subject: checked.message.subject.span, sources: compilation.sources,
                                      skeletons: SkeletonCache(), verdicts: skips ? SkeletonVerdicts() : nil)
        }
        let (limited, count) = run(true), (whole, _) = run(false)
        func lines(_ bag: DiagnosticBag) -> [String] {
            TestCompiler.rendered(bag, sources: compilation.sources).split(separator: "\n").map(String.init)
        }
        return (lines(limited), lines(whole), count)
    }

    @Test func versionsOfACleanLayoutAreCheckedWhereTheyDifferAndReportTheSame() throws {
        let v = try Self.validations(layout: Self.cleanLayout)
        #expect(v.limited == v.whole)
        #expect(v.limitedChecks[.html, default: 0] > 0 && v.limitedChecks[.amp, default: 0] > 0, "\(v.limitedChecks)")
        // What the blocks bring is found in whichever version brings it.
        let codes = Set(v.whole.compactMap { line in line.firstRange(of: /\[H\d{4}\]/).map { String(line[$0]) } })
        for code in ["[H0406]", "[H0407]", "[H0408]", "[H0409]", "[H0410]", "[H0411]", "[H0415]"] {
            #expect(codes.contains(code), "\(code) missing from \(v.whole.joined(separator: "\n"))")
        }
    }

    @Test func aLayoutWithProblemsIsCheckedWholeInEveryVersion() throws {
        let v = try Self.validations(layout: Self.faultyLayout)
        #expect(v.limited == v.whole)
        #expect(v.limitedChecks.isEmpty, "\(v.limitedChecks)")
        #expect(v.whole.contains { $0.contains("spliced.html") && $0.contains("`onclick`") })
    }

    /// The unsubscribe rule passes a version without reading it only when the skeleton shows a
    /// visible link outside its slots; a link in a slot, or under a hidden element above one,
    /// leaves each version to be read.
    @Test(arguments: [
        ("<p>{{ blocks.hero }}</p>", "<a href=\\\"{{ unsubscribe_url }}\\\">Unsubscribe</a>", true),
        ("<div style=\"display:none\"><p>{{ blocks.hero }}</p><a href=\"{{ unsubscribe_url }}\">Unsubscribe</a></div>",
         "<a href=\\\"{{ unsubscribe_url }}\\\">Unsubscribe</a>", true),
        ("<p>{{ blocks.hero }}</p><p><a href=\"{{ unsubscribe_url }}\">Unsubscribe</a></p>", "Hello", false),
    ])
    func unsubscribeLinksAreFoundWhereverTheyAre(body: String, linkBlock: String, someVersionLacksIt: Bool) throws {
        let layout = "<!doctype html>\n<html><body>\n\(body)\n<p>{{ postal_address }}</p>\n</body></html>\n"
        let campaign = ScratchProject.campaign("t", audience: "count(purchase_completed within 30d) >= 1", message: """
              layout: layouts/spliced.html
              blocks:
                hero:
                  - when: segment.loyal
                    html: "<b>Welcome back</b>"
                  - otherwise:
                    html: "\(linkBlock)"

            """)
        let v = try Self.validations(layout: layout, campaign: campaign)
        #expect(v.limited == v.whole)
        #expect(v.whole.contains { $0.contains("[H0702]") } == someVersionLacksIt, "\(v.whole.joined(separator: "\n"))")
    }
}
