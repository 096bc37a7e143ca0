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
        let instant: Int64
        if let asOf {
            guard let t = CivilTime.parseInstant(asOf) else {
                printError("`\(asOf)` is not an instant; write it as 2026-11-25T12:00:00Z.")
                throw ExitCode(2)
            }
            instant = t
        } else {
            instant = Int64(Date().timeIntervalSince1970)
        }
        let (compilation, plan) = try compiledCampaign(target, diagnostics)
        let connection: DatabaseConnection
        let dialect: any SQLDialect
        do {
            (connection, dialect) = try DatabaseSpec.open(db)
        } catch {
            printError(error.message)
            throw ExitCode(2)
        }
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
