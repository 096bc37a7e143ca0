import Foundation
import HeraldDriver
import HeraldSQL
import HeraldTestSupport
import Testing

/// Every file sample in the docs (a YAML block starting with `# file: PATH`) is accepted by
/// `herald check` in a copy of the example project, and every campaign sample compiles a message.
@Suite struct DocSampleTests {
    static let documents = ["docs/language.md", "README.md"]

    static func samples() -> [(doc: String, path: String, text: String)] {
        var out: [(String, String, String)] = []
        for doc in documents {
            let text = String(decoding: FileManager.default.contents(atPath: TestPaths.path(doc).path) ?? Data(), as: UTF8.self)
            var block: [String]? = nil
            for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
                if line.hasPrefix("```yaml") { block = []; continue }
                if line.hasPrefix("```"), let b = block {
                    if let first = b.first, first.hasPrefix("# file: ") {
                        out.append((doc, String(first.dropFirst("# file: ".count)), b.dropFirst().joined(separator: "\n") + "\n"))
                    }
                    block = nil
                    continue
                }
                block?.append(line)
            }
        }
        return out
    }

    @Test func everySampleChecks() throws {
        let samples = DocSampleTests.samples()
        #expect(samples.count >= 10, "only \(samples.count) samples found")
        var files: [String: String] = [:]
        for s in samples { files[s.path] = s.text }
        let p = try ScratchProject(files: files)
        let c = p.compile()
        let errors = c.diagnostics.items.filter { $0.severity == .error }
        #expect(errors.isEmpty, Comment(rawValue: TestCompiler.rendered(c)))
        for s in samples where s.path.hasPrefix("campaigns/") {
            let name = String(s.path.dropFirst("campaigns/".count).dropLast(".yaml".count))
            #expect(c.messages[name] != nil, "\(s.doc): \(s.path) compiled no message")
        }
    }

    /// The audience query the README shows is the one Herald writes for the README's campaign.
    @Test func theReadmeQueryIsWhatHeraldWrites() throws {
        let readme = String(decoding: FileManager.default.contents(atPath: TestPaths.path("README.md").path) ?? Data(), as: UTF8.self)
        let start = try #require(readme.range(of: "```sql\n")).upperBound
        let end = try #require(readme.range(of: "```", range: start..<readme.endIndex)).lowerBound
        let sample = try #require(DocSampleTests.samples().first { $0.doc == "README.md" && $0.path.hasPrefix("campaigns/") })
        let c = try ScratchProject(files: [sample.path: sample.text]).compile()
        let plan = try #require(c.plan)
        let campaign = try #require(plan.campaigns.first)
        #expect(String(readme[start..<end]) == AudienceQuery(dialect: PostgresDialect(), plan: plan).sql(campaign))
    }
}
