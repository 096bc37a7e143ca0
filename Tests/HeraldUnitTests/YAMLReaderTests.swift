import HeraldDiagnostics
import HeraldSource
import HeraldYAML
import Testing

/// The YAML reader keeps byte spans, reads scalars verbatim, and rejects what Herald files never need.
@Suite struct YAMLReaderTests {
    func read(_ text: String) -> (YAMLNode?, [Diagnostic], SourceFile) {
        let file = SourceFile(id: FileID(0), path: "test.yaml", text: text)
        let r = YAMLReader.read(file)
        return (r.root, r.diagnostics, file)
    }

    @Test func spansAreByteOffsetsEvenAfterMultibyteCharacters() throws {
        let (root, diagnostics, file) = read("name: Spring sale\naudience:\n  - é: 1\n")
        #expect(diagnostics.isEmpty)
        let audience = try #require(root?.pairs?.first { $0.keyText == "audience" }?.value.items?.first?.pairs?.first)
        // The scalar `1` follows `é: `; `é` is two bytes in UTF-8, one character for libyaml.
        #expect(file.text(audience.value.span) == "1")
        #expect(audience.value.span.start == 36)
        #expect(file.location(of: Int(audience.value.span.start)) == SourceLocation(line: 3, column: 8))
    }

    @Test func scalarsAreNeverImplicitlyTyped() throws {
        let (root, _, _) = read("country: NO\nflag: yes\nzip: 01234\nversion: 1.10\n")
        let values = try #require(root?.pairs).map { $0.value.scalar?.value }
        #expect(values == ["NO", "yes", "01234", "1.10"])
    }

    @Test func duplicateKeysShowBothPlaces() throws {
        let (_, diagnostics, file) = read("message:\n  subject: a\n  subject: b\n")
        let d = try #require(diagnostics.first)
        #expect(d.kind == .duplicateKey)
        #expect(file.location(of: Int(d.span!.start)).line == 3)
        #expect(d.labels.count == 1 && file.location(of: Int(d.labels[0].span.start)).line == 2)
    }

    @Test func byteOrderMarkIsSkippedButCounted() throws {
        let (root, diagnostics, file) = read("\u{FEFF}campaign: x\n")
        #expect(diagnostics.isEmpty)
        let value = try #require(root?.pairs?.first?.value)
        #expect(file.text(value.span) == "x")
    }

    @Test func quotedScalarsMapOffsetsThroughEscapes() throws {
        let (root, _, file) = read("where: \"a \\\"b\\\" == c\"\n")
        let scalar = try #require(root?.pairs?.first?.value.scalar)
        #expect(scalar.value == "a \"b\" == c")
        let offsetOfC = scalar.value.utf8.count - 1
        #expect(file.text(scalar.span(valueStart: offsetOfC, valueEnd: offsetOfC + 1, file: file.id)) == "c")
    }

    @Test func aliasesExpandUnderTheNodeBudget() throws {
        let file = SourceFile(id: FileID(0), path: "t.yaml", text: "a: &x [1, 2, 3]\nb: *x\n")
        let small = YAMLReader.read(file, limits: YAMLLimits(maxNodes: 5))
        #expect(small.diagnostics.first?.kind == .aliasExpansion)
        let ok = YAMLReader.read(file)
        #expect(ok.diagnostics.isEmpty)
        #expect(ok.root?.pairs?[1].value.items?.count == 3)
    }

    @Test func deepNestingStopsAtTheLimit() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let (_, diagnostics, _) = read(text)
        #expect(diagnostics.first?.kind == .nestingTooDeep)
    }

    @Test func tagsMergeKeysAndSecondDocumentsAreRejected() {
        #expect(read("a: !!int 3\n").1.first?.kind == .unsupportedYAMLFeature)
        #expect(read("base: &b {x: 1}\nc:\n  <<: *b\n").1.first?.kind == .unsupportedYAMLFeature)
        #expect(read("a: 1\n---\nb: 2\n").1.first?.kind == .multipleDocuments)
    }
}
