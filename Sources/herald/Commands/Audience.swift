import ArgumentParser
import Foundation
import HeraldDatabase
import HeraldDriver
import HeraldRuntime
import HeraldSQL
import HeraldSchema

/// `herald audience CAMPAIGN --db …`: runs the audience query and prints counts per arm and block.
struct Audience: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run a campaign's audience query on SQLite or PostgreSQL and print who it selects.")

    @OptionGroup var target: CampaignOptions

    @Option(help: "The database: sqlite:FILE or postgres://USER@HOST:PORT/DB.")
    var db: String

    @Option(name: .customLong("as-of"), help: "The instant to evaluate at (ISO 8601, default: now).")
    var asOf: String?

    @Option(help: "Also print the first N recipients.")
    var limit: Int = 0

    @OptionGroup var diagnostics: DiagnosticOptions

    func run() throws {
        let instant = try parseInstant(asOf)
        let (compilation, plan) = try compiledCampaign(target, diagnostics)
        let (connection, dialect) = try openDatabase(db)
        let query = AudienceQuery(dialect: dialect, plan: compilation.plan!)
        let result: QueryResult
        do {
            result = try AudienceRunner.run(query.sql(plan), dialect: dialect, on: connection, asOf: instant)
        } catch {
            printError("the audience query failed: \(error.message)")
            throw ExitCode(2)
        }
        let summary = AudienceSummary(result: result)
        print("\(plan.name): \(summary.recipients) recipient\(summary.recipients == 1 ? "" : "s") as of \(CivilTime.iso8601(instant))"
              + (summary.heldOut > 0 ? " (and \(summary.heldOut) held out)" : ""))
        for line in summary.breakdown { print("  " + line) }
        if limit > 0 { print(summary.table(limit: limit), terminator: "") }
    }
}
