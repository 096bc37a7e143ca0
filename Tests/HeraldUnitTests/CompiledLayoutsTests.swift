import HeraldDriver
import HeraldEmail
import HeraldTestSupport
import Testing

/// A compilation compiles each layout once and shares it between its campaigns: every campaign's
/// message and diagnostics must be what compiling that campaign alone gives, whether it has a
/// preheader, an AMP part or neither, and whatever the other campaigns of the layout have.
@Suite struct CompiledLayoutsTests {
    static func campaign(_ name: String, preheader: Bool, amp: Bool) -> String {
        """
        campaign: \(name)
        kind: marketing
        audience:
          where: segment.at_risk
        message:
          subject: "Hello"
        \(preheader ? "  preheader: \"Some news\"\n" : "")\(amp ? "  amp: true\n" : "")  layout: layouts/showcase.html
          blocks:
            hero: "<h1>\(name)</h1>"
            body: '<p>Body of \(name)</p>'
            picks:
              for: rec in customer.recommendations limit 3
              html: '<p><a href="{{ rec.url }}">{{ rec.name }}</a></p>'

        """
    }

    static let added = ["plain", "preheader", "amp-plain", "amp-preheader"]

    @Test func sharedLayoutsCompileAsEachCampaignAlone() throws {
        let files = Dictionary(uniqueKeysWithValues: Self.added.map { name in
            ("campaigns/\(name).yaml", Self.campaign(name, preheader: name.hasSuffix("preheader"), amp: name.hasPrefix("amp")))
        })
        let whole = try ScratchProject(files: files, keepCampaigns: true).compile()
        let bundle = try #require(whole.bundle(), "\(whole.diagnostics.items.map(\.message))")
        let campaigns = whole.checked?.campaigns ?? []
        #expect(campaigns.count >= 10 && campaigns.filter { $0.message.layoutPath != nil }.count >= 8)
        for c in campaigns {
            // The campaign alone in a project: its layout compiled for it only.
            let path = try #require(whole.sources.file(c.span.file)?.path)
            let text = try #require(whole.sources.file(c.span.file)?.text)
            let alone = try ScratchProject(files: ["campaigns/\(c.name).yaml": text]).compile()
            let single = try #require(alone.bundle(), "\(path) compiles alone")
            for file in ["message.json", "template.html"] {
                #expect(bundle.files["\(c.name)/\(file)"] == single.files["\(c.name)/\(file)"], "\(c.name)/\(file)")
            }
            #expect(whole.messageDiagnostics[c.name]?.map(\.message) == alone.messageDiagnostics[c.name]?.map(\.message), "\(c.name): diagnostics")
        }
        // The preheader's slot is in the programs of campaigns with a preheader only.
        #expect(whole.messages["plain"]?.html != whole.messages["preheader"]?.html)
        #expect(whole.messages["amp-plain"]?.ampHTML != nil && whole.messages["amp-plain"]?.ampHTML != whole.messages["amp-preheader"]?.ampHTML)
    }
}
