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
