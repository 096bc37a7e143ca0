import HeraldDiagnostics
import HeraldTestSupport
import Testing

/// Generated documentation is never stale: `docs/diagnostics.md` is the registry's pages.
@Suite struct GeneratedDocsTests {
    @Test func diagnosticsReferenceIsCurrent() {
        if let problem = Golden.check(ExplainPage.reference(), against: TestPaths.path("docs/diagnostics.md")) {
            Issue.record(Comment(rawValue: problem))
        }
    }

    @Test func codesAreUniqueAndWellFormed() {
        let kinds = DiagnosticKind.all
        #expect(Set(kinds.map(\.code)).count == kinds.count)
        #expect(Set(kinds.map(\.name)).count == kinds.count)
        for k in kinds {
            #expect(k.code.count == 5 && k.code.hasPrefix("H") && Int(k.code.dropFirst()) != nil, "\(k.code)")
            #expect(k.summary.hasSuffix("."), "\(k.code) summary is one sentence ending with a dot")
            #expect(!k.explanation.isEmpty)
        }
    }
}
