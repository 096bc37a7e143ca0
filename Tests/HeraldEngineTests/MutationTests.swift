import Foundation
import HeraldDiagnostics
import HeraldDriver
import HeraldSupport
import HeraldTestSupport
import Testing

/// Thousands of mutated campaign files (lines, tokens and keys deleted, duplicated and swapped)
/// check without crashing: each gives located diagnostics or a clean check, and the command line
/// exits 0 or 1 accordingly.
@Suite struct MutationTests {
    static let seeds: [String] = {
        var files: [String] = []
        for folder in ["examples/shop/campaigns", "examples/broken/campaigns"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: TestPaths.path(folder).path)) ?? []
            files += names.filter { $0.hasSuffix(".yaml") }.sorted().map { "\(folder)/\($0)" }
        }
        return files
    }()

    /// A scratch project with the shop's settings, schema, segments and layouts.
    static func scratchProject() throws -> URL {
        let dir = TestPaths.temporaryDirectory()
        for item in ["herald.yaml", "schema.yaml", "segments", "layouts"] {
            try FileManager.default.copyItem(at: TestPaths.path("examples/shop/\(item)"), to: dir.appendingPathComponent(item))
        }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("campaigns"), withIntermediateDirectories: true)
        return dir
    }

    static func mutate(_ text: String, _ rng: inout SeededRandom) -> String {
        var lines = text.components(separatedBy: "\n")
        switch rng.int(8) {
        case 0 where lines.count > 1: lines.remove(at: rng.int(lines.count))
        case 1: let i = rng.int(lines.count); lines.insert(lines[i], at: i)
        case 2 where lines.count > 1: lines.swapAt(rng.int(lines.count), rng.int(lines.count))
        case 3, 4, 5:
            var tokens = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            guard tokens.count > 1 else { return text }
            let i = rng.int(tokens.count), j = rng.int(tokens.count)
            switch rng.int(3) {
            case 0: tokens.remove(at: i)
            case 1: tokens.insert(tokens[i], at: i)
            default: tokens.swapAt(i, j)
            }
            return tokens.joined(separator: " ")
        case 6:
            // Delete a key with its nested block.
            let keyed = lines.indices.filter { lines[$0].contains(":") }
            guard let i = keyed.isEmpty ? nil : keyed[rng.int(keyed.count)] else { return text }
            let indent = lines[i].prefix { $0 == " " }.count
            var j = i + 1
            while j < lines.count, lines[j].prefix(while: { $0 == " " }).count > indent || lines[j].isEmpty { j += 1 }
            lines.removeSubrange(i..<j)
        default:
            // Splice in characters that matter to YAML, Liquid or expressions.
            let noise = ["{{", "}}", "{%", "%}", ":", "- ", "\"", "'", "[", "]", "&a", "*a", "!!str", "\t", "(", ")", " and ", " within ", "<", ">", "#", "|"]
            var chars = Array(text)
            chars.insert(contentsOf: Array(noise[rng.int(noise.count)]), at: rng.int(chars.count + 1))
            return String(chars)
        }
        return lines.joined(separator: "\n")
    }

    @Test func thousandsOfMutantsCheckWithoutCrashing() throws {
        let project = try MutationTests.scratchProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let sources = try MutationTests.seeds.map { String(decoding: try Data(contentsOf: TestPaths.path($0)), as: UTF8.self) }
        var rng = SeededRandom(seed: 42)
        var clean = 0, failing = 0
        let target = project.appendingPathComponent("campaigns/mutant.yaml")
        for i in 0..<2000 {
            var text = sources[i % sources.count]
            for _ in 0...rng.int(3) { text = MutationTests.mutate(text, &rng) }
            try Data(text.utf8).write(to: target)
            let c = Compilation.run(ProjectLoader.load(target.path, workingDirectory: project))
            if c.diagnostics.hasErrors { failing += 1 } else { clean += 1 }
            // Whatever is reported points into a file (or is about a whole file), never into nowhere.
            for d in c.diagnostics.items where d.span != nil {
                #expect(c.sources.file(d.span!.file) != nil, "diagnostic \(d.code) in mutant \(i) has a dangling span")
            }
        }
        #expect(clean > 0 && failing > 0, "mutants should both pass and fail: \(clean) clean, \(failing) failing")
    }

    @Test func commandLineExitsZeroOrOne() throws {
        let project = try MutationTests.scratchProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let sources = try MutationTests.seeds.map { String(decoding: try Data(contentsOf: TestPaths.path($0)), as: UTF8.self) }
        var rng = SeededRandom(seed: 7)
        for i in 0..<40 {
            let text = MutationTests.mutate(sources[(i * 7) % sources.count], &rng)
            try Data(text.utf8).write(to: project.appendingPathComponent("campaigns/mutant.yaml"))
            let r = try HeraldProcess.run(["check", "campaigns/mutant.yaml"], in: project, timeout: 20)
            #expect(r.status == 0 || r.status == 1, "exit \(r.status) for mutant \(i): \(r.stderr.prefix(300))")
            #expect(!r.stderr.contains("Fatal error") && !r.timedOut)
        }
    }
}
