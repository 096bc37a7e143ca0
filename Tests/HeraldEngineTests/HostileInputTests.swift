import Foundation
import HeraldTestSupport
import Testing

/// Hostile campaign files: each gives a located diagnostic and exit code 1 within two seconds of what
/// a one-line file takes, never a crash or a hang. Runs the real `herald` executable in a scratch copy of the broken project.
@Suite struct HostileInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var code: String
        var testDescription: String { name }
    }

    static let billionLaughs: String = {
        var s = "a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        for i in 1...9 {
            s += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        return s + "campaign: bomb\n"
    }()

    static let cases: [Case] = [
        Case(name: "invalid UTF-8", bytes: Array("campaign: caf".utf8) + [0xE9, 0x0A] + Array("kind: marketing\n".utf8), code: "H0002"),
        Case(name: "tab indentation", bytes: Array("campaign: tabs\naudience:\n\twhere: true\n".utf8), code: "H0003"),
        Case(name: "unclosed quote", bytes: Array("campaign: \"never closed\nkind: marketing\n".utf8), code: "H0003"),
        Case(name: "empty file", bytes: [], code: "H0010"),
        Case(name: "10 MB file", bytes: Array(("campaign: big\ndescription: \"" + String(repeating: "x", count: 10 << 20) + "\"\n").utf8), code: "H0009"),
        Case(name: "alias bomb", bytes: Array(billionLaughs.utf8), code: "H0005"),
        Case(name: "NUL byte", bytes: Array("campaign: n".utf8) + [0] + Array("ul\nkind: marketing\n".utf8), code: "H0003"),
        Case(name: "two documents", bytes: Array("campaign: a\n---\ncampaign: b\n".utf8), code: "H0007"),
        Case(name: "10,000-deep nesting", bytes: Array(("campaign: d\naudience: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n").utf8), code: "H0006"),
        Case(name: "merge key", bytes: Array("base: &b {kind: marketing}\ncampaign: m\n<<: *b\n".utf8), code: "H0008"),
        Case(name: "custom tag", bytes: Array("campaign: !custom t\nkind: marketing\n".utf8), code: "H0008"),
        Case(name: "100,000-term expression", bytes: Array(("campaign: t\nkind: marketing\naudience:\n  where: " + Array(repeating: "customer.country == \"US\"", count: 100_000).joined(separator: " or ") + "\n").utf8), code: "H0011"),
        Case(name: "5,000 nested parentheses", bytes: Array(("campaign: p\nkind: marketing\naudience:\n  where: " + String(repeating: "(", count: 5_000) + "true" + String(repeating: ")", count: 5_000) + "\n").utf8), code: "H0901"),
        Case(name: "overflowing duration", bytes: Array("campaign: du\nkind: marketing\naudience:\n  where: exists(cart_added within 99999999999999999999d)\n".utf8), code: "H0219"),
        Case(name: "number out of range", bytes: Array("campaign: nu\nkind: marketing\naudience:\n  where: customer.lifetime_value > 1e999999\n".utf8), code: "H0201"),
        Case(name: "3,000 nested tags", bytes: Array(("campaign: te\nkind: marketing\nmessage:\n  subject: \"" + String(repeating: "{% if true %}", count: 3_000) + "\"\n").utf8), code: "H0903"),
        // Found by the template fuzzer: nested ranges in a tag overflowed the parser's stack.
        Case(name: "5,000 nested ranges in a tag", bytes: Array(("campaign: nr\nkind: marketing\nmessage:\n  subject: \"{% case x %}{% when \\\"US\\\", " + String(repeating: "(", count: 5_000) + "1..2" + String(repeating: ")", count: 5_000) + " %}y{% endcase %}\"\n").utf8), code: "H0301"),
        Case(name: "5,000 conditions in one tag", bytes: Array(("campaign: ch\nkind: marketing\nmessage:\n  subject: \"{% if " + Array(repeating: "true", count: 5_000).joined(separator: " and ") + " %}y{% endif %}\"\n").utf8), code: "H0301"),
        Case(name: "unterminated output", bytes: Array("campaign: un\nkind: marketing\nmessage:\n  subject: \"{{ customer.first_name \"\n".utf8), code: "H0301"),
    ]

    /// The largest inputs: a 100 MB file is refused by its size before it is read; a 50 MB scalar,
    /// in a project whose `file_bytes` limit lets the file through, stops at `scalar_bytes`.
    @Test func hugeFilesAndScalarsStopAtTheirLimits() throws {
        let project = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: project) }
        try FileManager.default.createDirectory(at: project.appendingPathComponent("campaigns"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestPaths.path("examples/broken/schema.yaml"), to: project.appendingPathComponent("schema.yaml"))
        let settings = try String(contentsOf: TestPaths.path("examples/broken/herald.yaml"), encoding: .utf8)
        try Data((settings + "limits:\n  file_bytes: 67108864\n").utf8).write(to: project.appendingPathComponent("herald.yaml"))
        var huge = Data("campaign: huge\ndescription: \"".utf8)
        huge.append(Data(repeating: UInt8(ascii: "x"), count: 100 << 20))
        try huge.write(to: project.appendingPathComponent("campaigns/file.yaml"))
        var scalar = Data("campaign: scalar\ndescription: \"".utf8)
        scalar.append(Data(repeating: UInt8(ascii: "y"), count: 50 << 20))
        scalar.append(Data("\"\n".utf8))
        try scalar.write(to: project.appendingPathComponent("campaigns/scalar.yaml"))
        for (file, code, bound) in [("campaigns/file.yaml", "H0009", 1.0), ("campaigns/scalar.yaml", "H0011", 15.0)] {
            let r = try HeraldProcess.run(["check", file], in: project, timeout: 30)
            #expect(r.status == 1 && !r.timedOut, "\(file): exit \(r.status): \(r.stderr.prefix(300))")
            #expect(r.seconds < bound, "\(file) took \(r.seconds) s")
            #expect(r.stderr.contains("\(file):") && r.stderr.contains("error[\(code)]"), "\(file): \(r.stderr.prefix(300))")
        }
    }

    /// Hostile HTML through `herald validate`: misnested and unclosed markup, a comment that never
    /// closes, nested entity definitions and an 11 MB document each end in bounded time with a
    /// located diagnostic (unclosed elements that HTML closes implicitly are accepted).
    @Test func hostileDocumentsAreValidatedInBoundedTime() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let entities = "<!DOCTYPE html [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
        let documents: [(String, String, String?)] = [
            ("misnested", "<!DOCTYPE html><html><body><b><i>x</b></i></body></html>", "H0401"),
            ("comment", "<!DOCTYPE html><html><body><!-- never closes\n<p>x</p></body></html>", "H0401"),
            ("entities", entities + "<html><body><p>&c;&c;&c;</p></body></html>", "H0401"),
            ("huge", "<!DOCTYPE html><html><body>" + String(repeating: "<p>x</p>", count: 1_400_000) + "</body></html>", "H0009"),
            ("unclosed", "<!DOCTYPE html><html><body><div><p>implied end tags</body></html>", nil),
        ]
        for (name, text, code) in documents {
            let file = dir.appendingPathComponent(name + ".html")
            try Data(text.utf8).write(to: file)
            let r = try HeraldProcess.run(["validate", file.path], timeout: 20)
            #expect(!r.timedOut && r.seconds < 2.0, "\(name) took \(r.seconds) s")
            #expect(!r.stderr.contains("Fatal error"), "\(name): \(r.stderr.prefix(300))")
            if let code {
                #expect(r.status == 1 && r.stderr.contains(name + ".html:") && r.stderr.contains("error[\(code)]"), "\(name): \(r.stderr.prefix(300))")
            } else {
                #expect(r.status == 0 || r.status == 1, "\(name): exit \(r.status)")
            }
        }
    }

    @Test(arguments: cases)
    func hostileFileGivesALocatedDiagnostic(_ c: Case) throws {
        let project = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: project) }
        for name in ["herald.yaml", "schema.yaml"] {
            try FileManager.default.copyItem(at: TestPaths.path("examples/broken/\(name)"), to: project.appendingPathComponent(name))
        }
        try FileManager.default.createDirectory(at: project.appendingPathComponent("campaigns"), withIntermediateDirectories: true)
        try Data(c.bytes).write(to: project.appendingPathComponent("campaigns/hostile.yaml"))
        // The bound is two seconds beyond checking a one-line file just before (a debug build, with
        // other tests sharing the cores): loose enough for a busy machine, and far below what work
        // growing faster than the hostile input (100,000 terms, 10 MB) would take.
        try Data("campaign: plain\n".utf8).write(to: project.appendingPathComponent("campaigns/plain.yaml"))
        let baseline = try HeraldProcess.run(["check", "campaigns/plain.yaml"], in: project, timeout: 20)
        let r = try HeraldProcess.run(["check", "campaigns/hostile.yaml"], in: project, timeout: 20)
        #expect(!r.timedOut)
        #expect(r.status == 1, "exit \(r.status): \(r.stderr.prefix(500))")
        #expect(r.seconds < 2.0 + 4 * baseline.seconds, "took \(r.seconds) s; a one-line file took \(baseline.seconds) s")
        let located = r.stderr.split(separator: "\n").contains { $0.hasPrefix("campaigns/hostile.yaml:") && $0.contains("error[\(c.code)]") }
        #expect(located, "expected a located \(c.code): \(r.stderr.prefix(500))")
        #expect(!r.stderr.contains("Fatal error"))
    }
}
