import Foundation
import HeraldTestSupport
import Testing

/// Every committed fuzz seed, and every finding that became a regression seed, still goes through
/// its target without a crash (`herald-fuzz TARGET FILES` replays them in a normal build).
@Suite struct FuzzCorpusTests {
    static let targets = ["yaml", "expression", "template", "html", "check"]

    @Test(arguments: targets)
    func corpusReplaysCleanly(_ target: String) throws {
        let binary = TestPaths.heraldBinary.deletingLastPathComponent().appendingPathComponent("herald-fuzz")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build the herald-fuzz product first")
        let corpus = TestPaths.path("Fuzz/corpus/\(target)")
        let p = Process()
        p.executableURL = binary
        p.arguments = [target, corpus.path]
        p.currentDirectoryURL = TestPaths.packageRoot
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(text.prefix(2000))")
        let count = try FileManager.default.contentsOfDirectory(atPath: corpus.path).count
        #expect(text.contains("replayed \(count) input"), "\(text)")
    }
}
