import Foundation
import HeraldTestSupport
import Testing

/// Hostile campaign files: each gives a located diagnostic and exit code 1 within a second, never a
/// crash or a hang. Runs the real `herald` executable in a scratch copy of the broken project.
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
        Case(name: "unterminated output", bytes: Array("campaign: un\nkind: marketing\nmessage:\n  subject: \"{{ customer.first_name \"\n".utf8), code: "H0301"),
    ]

    @Test(arguments: cases)
    func hostileFileGivesALocatedDiagnostic(_ c: Case) throws {
        let project = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: project) }
        for name in ["herald.yaml", "schema.yaml"] {
            try FileManager.default.copyItem(at: TestPaths.path("examples/broken/\(name)"), to: project.appendingPathComponent(name))
        }
        try FileManager.default.createDirectory(at: project.appendingPathComponent("campaigns"), withIntermediateDirectories: true)
        try Data(c.bytes).write(to: project.appendingPathComponent("campaigns/hostile.yaml"))
        let r = try HeraldProcess.run(["check", "campaigns/hostile.yaml"], in: project, timeout: 20)
        #expect(!r.timedOut)
        #expect(r.status == 1, "exit \(r.status): \(r.stderr.prefix(500))")
        #expect(r.seconds < 1.0, "took \(r.seconds) s")
        let located = r.stderr.split(separator: "\n").contains { $0.hasPrefix("campaigns/hostile.yaml:") && $0.contains("error[\(c.code)]") }
        #expect(located, "expected a located \(c.code): \(r.stderr.prefix(500))")
        #expect(!r.stderr.contains("Fatal error"))
    }
}
