import ArgumentParser
import Foundation
import HeraldDatabase
import HeraldDriver
import HeraldRuntime
import HeraldSQL
import HeraldSchema

/// `herald sample-data PROJECT --db …`: a deterministic sample database for the project's schema.
struct SampleData: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample-data",
        abstract: "Create a deterministic sample database (customers, events, relations) for a project's schema.")

    @Argument(help: "The project folder.")
    var path: String = "."

    @Option(help: "The database to create: sqlite:FILE or postgres://USER@HOST:PORT/DB.")
    var db: String?

    @Option(help: "Also write `customers.jsonl` and `events.jsonl` into this folder, the files `herald simulate` replays.")
    var jsonl: String?

    @Option(help: "How many customers.")
    var customers: Int = 3000

    @Option(help: "Days of event history.")
    var days: Int = 180

    @Option(help: "The seed: the same seed gives the same data.")
    var seed: UInt64 = 20261125

    @Option(name: .customLong("as-of"), help: "The instant the data ends at (ISO 8601).")
    var asOf: String = "2026-11-25T12:00:00Z"

    @OptionGroup var diagnostics: DiagnosticOptions

    func run() throws {
        guard let instant = CivilTime.parseInstant(asOf) else {
            printError("`\(asOf)` is not an instant; write it as 2026-11-25T12:00:00Z.")
            throw ExitCode(2)
        }
        let compilation = Compilation.run(ProjectLoader.load(path))
        if report(compilation, diagnostics) { throw ExitCode(1) }
        guard let schema = compilation.checked?.schema else { throw ExitCode(1) }
        var generator = SampleGenerator(schema: schema, options: SampleOptions(customers: customers, days: days, seed: seed, asOf: instant))
        let data = generator.generate()
        if let folder = jsonl {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                let files = EventLogWriter.lines(data)
                try files.customers.write(toFile: folder + "/customers.jsonl", atomically: true, encoding: .utf8)
                try files.events.write(toFile: folder + "/events.jsonl", atomically: true, encoding: .utf8)
            } catch {
                printError("cannot write the event log: \(error.localizedDescription)")
                throw ExitCode(2)
            }
            print("Event log: \(data.customers.count) customers, \(data.events.count) events up to \(CivilTime.iso8601(instant)) in \(folder)")
        }
        guard let db else {
            if jsonl == nil { throw invocationError("Give `--db` (a database to create) or `--jsonl` (a folder for the event log).") }
            return
        }
        do {
            let connection: DatabaseConnection
            let dialect: any SQLDialect
            if db.hasPrefix("sqlite:") {
                let file = String(db.dropFirst("sqlite:".count))
                try? FileManager.default.removeItem(atPath: file)
                connection = try SQLiteConnection(path: file)
                dialect = SQLiteDialect()
            } else {
                (connection, dialect) = try DatabaseSpec.open(db)
            }
            try SampleLoader(schema: schema, dialect: dialect).load(data, into: connection)
        } catch {
            printError("cannot create the sample database: \(error.message)")
            throw ExitCode(2)
        }
        print("Sample data: \(data.customers.count) customers, \(data.events.count) events over \(days) days up to \(CivilTime.iso8601(instant)) in \(db)")
    }
}
