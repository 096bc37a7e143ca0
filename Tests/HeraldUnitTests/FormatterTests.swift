import Foundation
import HeraldSyntax
import HeraldTestSupport
import Testing

/// `herald fmt`: idempotent, loses no line and no comment, and restores the canonical order of a
/// scrambled file exactly.
@Suite struct FormatterTests {
    static let files: [String] = {
        var out: [String] = []
        let root = TestPaths.path("examples")
        let e = FileManager.default.enumerator(atPath: root.path)
        while let relative = e?.nextObject() as? String {
            guard relative.hasSuffix(".yaml") else { continue }
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root.appendingPathComponent(relative).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { out.append("examples/" + relative) }
        }
        return out.sorted()
    }()

    static func text(_ path: String) -> String {
        String(decoding: FileManager.default.contents(atPath: TestPaths.path(path).path) ?? Data(), as: UTF8.self)
    }

    @Test func everyExampleFormatsIdempotentlyWithoutLosingALine() {
        #expect(FormatterTests.files.count > 50)
        var formattedCount = 0
        for path in FormatterTests.files {
            let original = FormatterTests.text(path)
            guard let order = CanonicalFormatter.order(forFile: original), let once = CanonicalFormatter.format(original, order: order) else { continue }
            formattedCount += 1
            #expect(CanonicalFormatter.format(once, order: order) == once, "\(path) is not stable under fmt")
            let lines = { (s: String) in s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }.sorted() }
            #expect(lines(once) == lines(original), "\(path): fmt added or lost lines")
        }
        #expect(formattedCount > 30)
    }

    @Test func theExampleProjectIsFormatted() throws {
        let r = try HeraldProcess.run(["fmt", "--check", TestPaths.path("examples/shop").path])
        #expect(r.status == 0, "\(r.stdout)")
    }

    /// Scrambling a canonical file's keys (top level and inside `message`) and formatting it gives
    /// back the file byte for byte, comments included.
    @Test func aScrambledFileComesBackExactly() {
        var checked = 0
        for path in FormatterTests.files where path.hasPrefix("examples/shop/") {
            let original = FormatterTests.text(path)
            guard let order = CanonicalFormatter.order(forFile: original) else { continue }
            let reversed = CanonicalFormatter.Order(top: order.top.reversed(), nested: order.nested.mapValues { $0.reversed() })
            guard let scrambled = CanonicalFormatter.format(original, order: reversed) else { continue }
            #expect(CanonicalFormatter.format(scrambled, order: order) == original, "\(path) did not come back")
            if scrambled != original { checked += 1 }
        }
        #expect(checked >= 10)
    }
}
