import Foundation
import HeraldDiagnostics
import HeraldTestSupport
import Testing

/// Every file of `examples/broken` shows its diagnostics exactly as the expected files beside it say.
@Suite struct BrokenExampleTests {
    static let files: [String] = ["campaigns", "segments", "documents"].flatMap { folder -> [String] in
        let dir = TestPaths.path("examples/broken/\(folder)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        // Files starting with `# helper` are valid files the broken ones refer to.
        return names.filter { name in
            (name.hasSuffix(".yaml") || name.hasSuffix(".html")) && !((try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8))?.hasPrefix("# helper") ?? false)
        }.sorted().map { "examples/broken/\(folder)/\($0)" }
    } + ((try? FileManager.default.contentsOfDirectory(atPath: TestPaths.path("examples/broken/projects").path)) ?? [])
        .filter { !$0.contains(".") }.sorted().map { "examples/broken/projects/\($0)" }

    @Test func thereAreBrokenExamples() {
        #expect(BrokenExampleTests.files.count >= DiagnosticKind.all.count)
    }

    @Test(arguments: files)
    func diagnosticsMatchTheExpectedFiles(_ file: String) throws {
        let c = TestCompiler.diagnose(file)
        #expect(!c.diagnostics.isEmpty, "\(file) should show a diagnostic")
        let extensionLength = file.hasSuffix(".yaml") ? 5 : file.hasSuffix(".html") ? 5 : 0
        let base = TestPaths.path(String(file.dropLast(extensionLength)))
        let human = TestCompiler.rendered(c.diagnostics, sources: c.sources, format: .human)
        if let problem = Golden.check(human, against: base.appendingPathExtension("diagnostics.txt")) { Issue.record(Comment(rawValue: problem)) }
        let json = TestCompiler.rendered(c.diagnostics, sources: c.sources, format: .json)
        if let problem = Golden.check(json, against: base.appendingPathExtension("diagnostics.json")) { Issue.record(Comment(rawValue: problem)) }
    }

    /// Every diagnostic code has an example that shows it.
    @Test func everyCodeHasAnExample() {
        var shown = Set<String>()
        for file in BrokenExampleTests.files { shown.formUnion(TestCompiler.diagnose(file).diagnostics.items.map(\.code)) }
        let missing = DiagnosticKind.all.map(\.code).filter { !shown.contains($0) }
        #expect(missing.isEmpty, "codes without an example in examples/broken: \(missing)")
    }

    /// The file name says which diagnostic the example is for: each example shows its own code first.
    @Test(arguments: files)
    func exampleShowsOneKindOfDiagnostic(_ file: String) throws {
        let c = TestCompiler.diagnose(file)
        let codes = Set(c.diagnostics.items.map(\.code))
        #expect(codes.count == 1, "\(file) shows \(codes.sorted())")
    }
}
