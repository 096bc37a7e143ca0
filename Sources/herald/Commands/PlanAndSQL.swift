import ArgumentParser
import Foundation
import HeraldDriver
import HeraldPlan
import HeraldSQL

/// Options naming one campaign.
struct CampaignOptions: ParsableArguments {
    @Argument(help: "The campaign file, or the campaign's name together with --project.")
    var campaign: String

    @Option(help: "The project folder, when the campaign is given by name.")
    var project: String = "."
}

/// Compiles the project around a campaign, reports its diagnostics, and returns its plan.
func compiledCampaign(_ options: CampaignOptions, _ diagnostics: DiagnosticOptions) throws -> (Compilation, CampaignPlan) {
    let (compilation, name) = CampaignTarget.compile(options.campaign, project: options.project)
    let failed = report(compilation, diagnostics)
    guard let name else {
        if !failed { printError("`\(options.campaign)` is not a campaign of the project.") }
        throw ExitCode(failed ? 1 : 2)
    }
    guard !failed, let plan = compilation.plan?.campaign(named: name) else { throw ExitCode(1) }
    return (compilation, plan)
}

/// `herald plan CAMPAIGN`: the predicate plan before and after optimization.
struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print a campaign's audience plan before and after optimization, with its features and scans.")

    @OptionGroup var target: CampaignOptions
    @OptionGroup var diagnostics: DiagnosticOptions

    func run() throws {
        let (compilation, plan) = try compiledCampaign(target, diagnostics)
        print(PlanReport.text(plan, features: compilation.plan!.features), terminator: "")
    }
}

/// `herald sql CAMPAIGN --dialect D`: one audience query.
struct SQL: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print a campaign's audience query in one SQL dialect.")

    @OptionGroup var target: CampaignOptions

    @Option(help: "The SQL dialect: \(Dialects.names.joined(separator: ", ")).")
    var dialect: String = "sqlite"

    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        guard Dialects.named(dialect) != nil else {
            throw ValidationError("--dialect must be one of: \(Dialects.names.joined(separator: ", ")).")
        }
    }

    func run() throws {
        let (compilation, plan) = try compiledCampaign(target, diagnostics)
        print(AudienceQuery(dialect: Dialects.named(dialect)!, plan: compilation.plan!).sql(plan), terminator: "")
    }
}
