import Foundation
import HeraldDiagnostics
import HeraldDriver
@testable import HeraldEmail
import HeraldTestSupport
import Testing

/// The validator renders each render key once: versions that differ in nothing their rendering
/// reads are not rendered again. What an arm changes must still be rendered and checked in that
/// arm: its name when the templates print it, the blocks it overrides.
@Suite struct RenderKeyTests {
    static let layout = """
        <!doctype html>
        <html><body>
        <p>{{ blocks.hero }}</p>
        <p><img src="http://acme.example/{{ campaign.variant }}.png" alt="" width="10"></p>
        <p><a href="{{ unsubscribe_url }}">Unsubscribe</a> {{ postal_address }}</p>
        </body></html>

        """

    static let campaign = ScratchProject.campaign("t", audience: "count(purchase_completed within 30d) >= 1", message: """
          layout: layouts/arms.html
          blocks:
            hero: "<b>Hello</b>"
        experiment:
          id: t-arms
          holdout: 10%
          variants:
            control: { weight: 1 }
            subject: { weight: 1, subject: "Another subject" }
            hero: { weight: 1, blocks: { hero: "<b onclick=\\"x()\\">Hi</b>" } }
          goal: exists(purchase_completed within 3d)

        """)

    @Test func whatAnArmChangesIsRenderedInThatArm() throws {
        let p = try ScratchProject(files: ["campaigns/t.yaml": Self.campaign, "layouts/arms.html": Self.layout])
        let messages = p.compile().diagnostics.items.map(\.message)
        // The image's URL prints the arm's name: every arm's version is its own.
        for arm in ["control", "subject", "hero"] {
            #expect(messages.contains { $0.contains("http://acme.example/\(arm).png") }, "\(arm): \(messages)")
        }
        #expect(messages.contains { $0.contains("`onclick`") }, "\(messages)")
    }

    @Test func armsThatChangeNothingRenderedShareAKey() throws {
        let p = try ScratchProject(files: ["campaigns/t.yaml": Self.campaign,
                                           "layouts/arms.html": Self.layout.replacingOccurrences(of: "{{ campaign.variant }}", with: "logo")])
        let compilation = p.compile()
        let message = try #require(compilation.messages["t"])
        let keys = RenderKeys(message)
        #expect(!keys.readsVariant)
        let byArm = Dictionary(grouping: message.versions, by: { $0.variant ?? "" }).mapValues { $0.map { keys.key($0, part: .html) } }
        #expect(byArm["control"] == byArm["subject"])
        #expect(byArm["control"] != byArm["hero"])
        #expect(keys.names.contains("hero"))
    }
}
