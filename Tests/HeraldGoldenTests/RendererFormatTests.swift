import Foundation
import HeraldDiagnostics
import HeraldDriver
import HeraldTestSupport
import Testing

/// The machine formats of diagnostics: SARIF validates against the official 2.1.0 schema, GitHub
/// annotations follow the workflow-command syntax, JSON parses back.
@Suite struct RendererFormatTests {
    static let compilation = TestCompiler.compile("examples/broken")

    @Test func sarifValidatesAgainstTheSchema() throws {
        let c = RendererFormatTests.compilation
        #expect(c.diagnostics.items.count >= 5)
        let sarif = TestCompiler.rendered(c, format: .sarif)
        let file = TestPaths.temporaryDirectory().appendingPathComponent("herald.sarif")
        try Data(sarif.utf8).write(to: file)
        let r = try PythonProcess.run("validate_sarif.py", [file.path])
        #expect(r.status == 0, "\(r.output)")
    }

    @Test func githubAnnotationsAreWorkflowCommands() {
        let text = TestCompiler.rendered(RendererFormatTests.compilation, format: .github)
        let lines = text.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            #expect(line.hasPrefix("::error file=") || line.hasPrefix("::warning file=") || line.hasPrefix("::notice"), "\(line)")
            #expect(line.contains(",line=") && line.contains("::"))
        }
    }

    @Test func jsonParsesBack() throws {
        let text = TestCompiler.rendered(RendererFormatTests.compilation, format: .json)
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]
        #expect(parsed?.count == RendererFormatTests.compilation.diagnostics.sorted(using: RendererFormatTests.compilation.sources).count)
    }
}
