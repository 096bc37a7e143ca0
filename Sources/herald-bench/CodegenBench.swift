import ArgumentParser
import Foundation
import HeraldChecker
import HeraldDriver
import HeraldPlan
import HeraldSQL

/// `herald-bench codegen`: how long writing one campaign's audience query for all seven dialects
/// takes, from its plan, for every campaign of a project and for a 10-segment audience.
struct CodegenBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "codegen", abstract: "Benchmark SQL generation: one audience in all seven dialects.")

    @Option(help: "The project whose campaigns are measured.") var project = "examples/shop"
    @Option(help: "Repetitions per campaign.") var repetitions = 2_000
    @Option(help: "Working folder for the generated 10-segment project.") var work = "out/bench-codegen"

    func run() throws {
        print("| audience | SQL bytes (7 dialects) | plan | 7 dialects | per dialect |")
        print("| --- | --- | --- | --- | --- |")
        try measure(project, label: { "`\($0)` (\(project))" })
        // A 10-segment audience: ten generated segments ORed, the shape of the sqlglot anchor.
        let dir = URL(fileURLWithPath: work).appendingPathComponent("ten")
        try? FileManager.default.removeItem(at: dir)
        try SegmentProject.write(segments: 10, schemaFrom: URL(fileURLWithPath: "examples/shop"), to: dir)
        let any = (0..<10).map { "segment.s\($0)" }.joined(separator: " or ")
        try Data("campaign: ten\nkind: marketing\naudience:\n  where: \(any)\nmessage:\n  subject: \"Hi\"\n  preheader: \"Hi\"\n  html: '<p>Hi <a href=\"{{ unsubscribe_url }}\">Unsubscribe</a> {{ postal_address }}</p>'\n"
            .utf8).write(to: dir.appendingPathComponent("campaigns/ten.yaml"))
        try measure(dir.path, only: "ten", label: { _ in "10 segments ORed" })
    }

    func measure(_ path: String, only: String? = nil, label: (String) -> String) throws {
        let c = Compilation.run(ProjectLoader.load(path))
        guard let checked = c.checked, let plan = c.plan, !c.diagnostics.hasErrors else { throw BenchFailure("\(path) does not check cleanly") }
        for campaign in plan.campaigns where only == nil || campaign.name == only {
            var bytes = 0
            let planStart = Date()
            for _ in 0..<max(1, repetitions / 10) { _ = Planner.plan(CheckedProjectSlice.one(checked, campaign.name)) }
            let planTime = Date().timeIntervalSince(planStart) / Double(max(1, repetitions / 10))
            let start = Date()
            for _ in 0..<repetitions {
                bytes = 0
                for d in Dialects.all { bytes += AudienceQuery(dialect: d, plan: plan).sql(campaign).utf8.count }
            }
            let each = Date().timeIntervalSince(start) / Double(repetitions)
            func us(_ s: Double) -> String { String(format: "%.0f µs", s * 1_000_000) }
            print("| \(label(campaign.name)) | \(bytes) | \(us(planTime)) | \(us(each)) | \(us(each / 7)) |")
        }
    }
}

/// A project reduced to one campaign, to time planning it alone.
enum CheckedProjectSlice {
    static func one(_ p: HeraldChecker.CheckedProject, _ name: String) -> HeraldChecker.CheckedProject {
        var copy = p
        copy.campaigns = p.campaigns.filter { $0.name == name }
        return copy
    }
}
