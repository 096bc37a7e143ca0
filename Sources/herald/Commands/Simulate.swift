import ArgumentParser
import Foundation
import HeraldDriver
import HeraldPlan
import HeraldRuntime
import HeraldSchema
import HeraldSupport
import HeraldSyntax

/// `herald simulate PROJECT --customers … --events … --from T --to T`: replays an event log through
/// every triggered and scheduled campaign and prints the sends, in time order.
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replay an event log through every triggered and scheduled campaign and print the send timeline.")

    @Argument(help: "The project folder.")
    var path: String = "."

    @Option(help: "Customers as JSON Lines, one object per customer keyed by the schema's field names.")
    var customers: String

    @Option(help: "Events as JSON Lines: {\"customer\": 1, \"event\": \"cart_added\", \"time\": \"2026-11-26T09:00:00Z\", \"properties\": {}}.")
    var events: String

    @Option(help: "The first tick (ISO 8601).")
    var from: String

    @Option(help: "The last tick (ISO 8601).")
    var to: String

    @Option(help: "Time between ticks, such as 15m or 1h.")
    var step: String = "15m"

    @Option(help: "Only these campaigns (repeatable).")
    var campaign: [String] = []

    @Option(help: "The timeline as `text` (with a summary per campaign) or `json`.")
    var output: OutputFormat = .text

    @OptionGroup var diagnostics: DiagnosticOptions

    enum OutputFormat: String, ExpressibleByArgument { case text, json }

    func run() throws {
        let start = try parseInstant(from), end = try parseInstant(to)
        guard let interval = Interval.parse(step), interval.seconds > 0 else { throw invocationError("`\(step)` is not a step; write it as 15m or 1h.") }
        guard end >= start else { throw invocationError("`--to` is before `--from`.") }
        guard (end - start) / interval.seconds <= 100_000 else { throw invocationError("That is more than 100,000 ticks; use a longer `--step`.") }
        let compilation = Compilation.run(ProjectLoader.load(path))
        if report(compilation, diagnostics) { throw ExitCode(1) }
        guard let checked = compilation.checked, var plan = compilation.plan else { throw ExitCode(1) }
        for name in campaign where plan.campaign(named: name) == nil { throw invocationError("The project has no campaign `\(name)`.") }
        if !campaign.isEmpty { plan.campaigns.removeAll { !campaign.contains($0.name) } }
        let reader = EventLogReader(schema: checked.schema)
        let data: SampleDataset
        do {
            let rows = try reader.customers(try read(customers), file: customers)
            let log = try reader.events(try read(events), file: events)
            data = SampleDataset(asOf: end, customers: rows, events: log, relations: [:], suppressed: [])
        } catch let failure as EventLogReader.Failure {
            throw invocationError(failure.message)
        }
        let simulator = TriggerSimulator(project: checked, plan: plan, data: data)
        let sends = simulator.run(from: start, to: end, step: interval.seconds)
        switch output {
        case .json: print(SendTimeline.json(sends, campaigns: simulator.campaigns.map(\.name)).prettyText())
        case .text: print(SendTimeline.text(sends, campaigns: simulator.campaigns.map(\.name), from: start, to: end), terminator: "")
        }
    }

    private func read(_ file: String) throws -> String {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw invocationError("Cannot read `\(file)`.") }
        return text
    }
}
