import Foundation
import HeraldDriver
import HeraldEmail
import HeraldSource
import HeraldTestSupport
import Testing

/// Every version (arm × block alternative) of every example campaign, rendered for the sample
/// recipient, matches `examples/expected/shop-preview/<campaign>/<version>.{html,txt}`: what a
/// reviewer reads to see what customers receive.
@Suite struct PreviewGoldenTests {
    @Test func everyVersionOfEveryCampaignMatches() throws {
        let c = TestCompiler.compile("examples/shop")
        let schema = try #require(c.checked?.schema)
        let root = TestPaths.path("examples/expected/shop-preview")
        var produced = Set<String>()
        for name in c.messages.keys.sorted() {
            let message = c.messages[name]!
            let recipient = PreviewProfile.sample(schema: schema, message: message)
            for version in message.versions {
                let r = message.render(recipient.input, variant: version.variant, choices: version.choices)
                let headers = "From: \(r.from)\nSubject: \(r.subject)\n" + (r.preheader.map { "Preheader: \($0)\n" } ?? "")
                for (ext, text) in [("html", r.html), ("txt", headers + "\n" + r.text)] + (r.amp.map { [("amp.html", $0)] } ?? []) {
                    let relative = "\(name)/\(version.label).\(ext)"
                    produced.insert(relative)
                    if let problem = Golden.check(text, against: root.appendingPathComponent(relative)) { Issue.record(Comment(rawValue: problem)) }
                }
            }
        }
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let relative = enumerator?.nextObject() as? String {
            if relative.contains("."), !produced.contains(relative) { Issue.record("examples/expected/shop-preview/\(relative) is no longer produced; delete it") }
        }
    }

    /// Every generated AMP part passes the AMP for Email rules.
    @Test func everyAMPPartIsValid() throws {
        let c = TestCompiler.compile("examples/shop")
        let schema = try #require(c.checked?.schema)
        var checked = 0
        for (name, message) in c.messages where message.ampHTML != nil {
            let recipient = PreviewProfile.sample(schema: schema, message: message)
            for version in message.versions {
                let amp = try #require(message.render(recipient.input, variant: version.variant, choices: version.choices).amp)
                let sources = SourceManager()
                let (kind, found) = DocumentValidator.validate(sources.add(path: "\(name).amp.html", text: amp))
                #expect(kind == .amp && found.isEmpty, "\(name) \(version.label): \(found.items.map(\.message))")
                checked += 1
            }
        }
        #expect(checked > 0)
    }

    /// The rendered HTML of every version parses without errors, and its derived text keeps every link.
    @Test func everyVersionParsesAndItsTextKeepsTheLinks() throws {
        let c = TestCompiler.compile("examples/shop")
        let schema = try #require(c.checked?.schema)
        for (name, message) in c.messages {
            let recipient = PreviewProfile.sample(schema: schema, message: message)
            for version in message.versions {
                let r = message.render(recipient.input, variant: version.variant, choices: version.choices)
                let parsed = HTMLParser.parse(r.html)
                #expect(parsed.problems.filter { !$0.isWarning && $0.code != 801 }.isEmpty, "\(name) \(version.label)")
                let hrefs = Set((parsed.root.map { [$0] + $0.descendants } ?? []).filter { $0.name == "a" }.compactMap { $0.attribute("href") })
                for href in hrefs where message.text == nil { #expect(r.text.contains(href), "\(name) \(version.label) text lacks \(href)") }
            }
        }
    }
}
