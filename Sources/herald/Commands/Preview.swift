import ArgumentParser
import Foundation
import HeraldDriver
import HeraldEmail
import HeraldRuntime
import HeraldSchema
import HeraldSupport

/// `herald preview CAMPAIGN`: the email one recipient receives, rendered exactly as the bundle's
/// render program renders it.
struct Preview: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render a campaign's email for one recipient: from a profile file, a database row, or sample values.",
        discussion: """
        Without -o the HTML goes to standard output (`--part text` prints the plain-text part). With -o FILE.html the
        HTML goes to FILE.html, the text part to FILE.txt and an AMP part to FILE.amp.html. With --all-arms, -o names a folder that receives every
        arm and block combination and an index.html.
        """)

    @OptionGroup var target: CampaignOptions

    @Option(help: "A JSON profile: {\"customer\": {…}, \"relations\": {…}, \"arm\": …, \"blocks\": {…}}.")
    var profile: String?

    @Option(help: "Read the recipient through the audience query on this database (sqlite:FILE or a PostgreSQL URL).")
    var db: String?

    @Option(help: "The recipient's customer key (with --db).")
    var customer: String?

    @Option(name: .customLong("as-of"), help: "The instant the audience is evaluated at, with --db (ISO 8601, default: now).")
    var asOf: String?

    @Option(help: "The experiment arm to render (overrides the profile).")
    var arm: String?

    @Option(name: .customLong("block"), help: "A block choice SLOT=INDEX (repeatable; overrides the profile).")
    var blocks: [String] = []

    @Option(help: "The part to print without -o: html, text, amp (for `amp: true` campaigns), or headers.")
    var part: String = "html"

    @Flag(name: .customLong("all-arms"), help: "Render every arm and block combination into the folder given by -o.")
    var allArms = false

    @Option(name: .shortAndLong, help: "The output file (or folder with --all-arms).")
    var output: String?

    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        guard ["html", "text", "amp", "headers"].contains(part) else { throw ValidationError("--part must be html, text, amp or headers.") }
        if allArms && output == nil { throw ValidationError("--all-arms writes a folder: give it with -o.") }
        if db != nil && customer == nil { throw ValidationError("--db needs --customer KEY.") }
        if db != nil && profile != nil { throw ValidationError("Give either --profile or --db, not both.") }
    }

    func run() throws {
        let (compilation, plan) = try compiledCampaign(target, diagnostics)
        guard let message = compilation.messages[plan.name], let schema = compilation.checked?.schema else { throw ExitCode(1) }
        var recipient = try readProfile(compilation: compilation, message: message, schema: schema)
        if let arm {
            guard message.armNames.contains(arm) else {
                let arms = message.armNames.joined(separator: ", ")
                printError("the campaign has no arm `\(arm)`" + (arms.isEmpty ? "." : "; its arms are \(arms)."))
                throw ExitCode(2)
            }
            recipient.arm = arm
        }
        for b in blocks {
            let parts = b.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let i = Int(parts[1]), i >= 0 else {
                printError("`--block \(b)` must be SLOT=INDEX, such as `hero=1`.")
                throw ExitCode(2)
            }
            recipient.choices[parts[0]] = i
        }
        if allArms {
            try writeAll(message, recipient: recipient, folder: output!)
            return
        }
        let rendered = message.render(recipient.input, variant: recipient.arm, choices: recipient.choices)
        if let output {
            let url = URL(fileURLWithPath: output)
            try write(rendered.html, to: url)
            try write(rendered.text, to: url.deletingPathExtension().appendingPathExtension("txt"))
            if let amp = rendered.amp { try write(amp, to: url.deletingPathExtension().appendingPathExtension("amp.html")) }
            print(headers(rendered), terminator: "")
            return
        }
        switch part {
        case "text": print(rendered.text, terminator: "")
        case "amp":
            guard let amp = rendered.amp else {
                printError("`\(message.campaign)` has no AMP part; set `amp: true` in its message.")
                throw ExitCode(2)
            }
            print(amp, terminator: "")
        case "headers": print(headers(rendered), terminator: "")
        default: print(rendered.html, terminator: "")
        }
    }

    func headers(_ r: RenderedMessage) -> String {
        "From: \(r.from)\nSubject: \(r.subject)\n" + (r.preheader.map { "Preheader: \($0)\n" } ?? "")
    }

    func readProfile(compilation: Compilation, message: CompiledMessage, schema: Schema) throws -> PreviewProfile {
        let result: Result<PreviewProfile, PreviewError>
        if let profile {
            guard let data = FileManager.default.contents(atPath: profile) else {
                printError("cannot read the profile `\(profile)`.")
                throw ExitCode(2)
            }
            guard let json = try? JSONParser.parse([UInt8](data)) else {
                printError("the profile `\(profile)` is not valid JSON.")
                throw ExitCode(2)
            }
            result = PreviewProfile.read(json: json, schema: schema, message: message)
        } else if let db, let customer {
            let instant = try parseInstant(asOf)
            let (connection, dialect) = try openDatabase(db)
            result = PreviewProfile.read(database: connection, dialect: dialect, plan: compilation.plan!,
                                         campaign: compilation.plan!.campaign(named: message.campaign)!, message: message,
                                         customer: customer, asOf: instant)
        } else {
            result = .success(PreviewProfile.sample(schema: schema, message: message))
        }
        switch result {
        case .success(let p): return p
        case .failure(let e):
            printError(e.message + ".")
            throw ExitCode(2)
        }
    }

    /// Every version into a folder, with an index page linking them.
    func writeAll(_ message: CompiledMessage, recipient: PreviewProfile, folder: String) throws {
        let dir = URL(fileURLWithPath: folder)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var rows: [String] = []
        for version in message.versions {
            var choices = recipient.choices
            choices.merge(version.choices) { $1 }
            let r = message.render(recipient.input, variant: version.variant, choices: choices)
            try write(r.html, to: dir.appendingPathComponent(version.label + ".html"))
            try write(r.text, to: dir.appendingPathComponent(version.label + ".txt"))
            if let amp = r.amp { try write(amp, to: dir.appendingPathComponent(version.label + ".amp.html")) }
            rows.append("<tr><td><a href=\"\(version.label).html\">\(HTMLEscaping.escape(version.label))</a> · <a href=\"\(version.label).txt\">text</a></td>"
                        + "<td>\(HTMLEscaping.escape(r.subject))</td><td>\(HTMLEscaping.escape(r.preheader ?? ""))</td></tr>")
        }
        let index = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>\(HTMLEscaping.escape(message.campaign)): every version</title></head>
            <body><h1>\(HTMLEscaping.escape(message.campaign))</h1>
            <table><tr><th>Version</th><th>Subject</th><th>Preheader</th></tr>
            \(rows.joined(separator: "\n"))
            </table></body></html>

            """
        try write(index, to: dir.appendingPathComponent("index.html"))
        print("Wrote \(rows.count) version\(rows.count == 1 ? "" : "s") of \(message.campaign) to \(folder)/index.html")
    }

    func write(_ text: String, to url: URL) throws {
        do { try Data(text.utf8).write(to: url) } catch {
            printError("cannot write `\(url.path)`.")
            throw ExitCode(2)
        }
    }
}
