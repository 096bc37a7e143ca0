import ArgumentParser
import Foundation
import HeraldDatabase
import HeraldChecker
import HeraldDriver
import HeraldRuntime
import HeraldSQL
import HeraldSchema

/// `herald results CAMPAIGN --db …`: runs the experiment's results query and prints one row per
/// arm and for the holdout: recipients, conversions, rate, and the z-test against the first arm.
struct Results: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Measure a campaign's experiment on SQLite or PostgreSQL: conversions per arm and p-values.")

    @OptionGroup var target: CampaignOptions

    @Option(help: "The database: sqlite:FILE or postgres://USER@HOST:PORT/DB.")
    var db: String

    @Option(name: .customLong("as-of"), help: "Count sends and conversions up to this instant (ISO 8601, default: now).")
    var asOf: String?

    @OptionGroup var diagnostics: DiagnosticOptions

    func run() throws {
        let instant = try parseInstant(asOf)
        let (compilation, plan) = try compiledCampaign(target, diagnostics)
        let (connection, dialect) = try openDatabase(db)
        guard let sql = ResultsQuery(dialect: dialect, plan: compilation.plan!).sql(plan),
              let experiment = compilation.checked?.campaign(named: plan.name)?.experiment, let goal = experiment.goal else {
            throw invocationError("`\(plan.name)` has no experiment with a `goal` to measure.")
        }
        let result: QueryResult
        do {
            result = try AudienceRunner.run(sql, dialect: dialect, on: connection, asOf: instant)
        } catch {
            throw invocationError("the results query failed: \(error.message)")
        }
        print("\(plan.name): experiment `\(experiment.id)`, goal `\(ExprPrinter.print(goal))`, as of \(CivilTime.iso8601(instant))")
        print(ResultsTable.render(result.rows.map { r in r.map(\.description) }, control: experiment.variants.first?.name ?? ""), terminator: "")
    }
}
