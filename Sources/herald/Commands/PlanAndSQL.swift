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

    @Option(help: "Which query: `audience` (who matches), `eligibility` (who is due a send at `as_of`, for triggered and scheduled campaigns) or `results` (the experiment's measurement).")
    var query: QueryKind = .audience

    @OptionGroup var diagnostics: DiagnosticOptions

    enum QueryKind: String, ExpressibleByArgument { case audience, eligibility, results }

    func validate() throws {
        guard Dialects.named(dialect) != nil else {
            throw ValidationError("--dialect must be one of: \(Dialects.names.joined(separator: ", ")).")
        }
    }

    func run() throws {
        let (compilation, plan) = try compiledCampaign(target, diagnostics)
        let d = Dialects.named(dialect)!, project = compilation.plan!
        switch query {
        case .audience:
            print(AudienceQuery(dialect: d, plan: project).sql(plan), terminator: "")
        case .eligibility:
            guard plan.delivery != nil else { throw invocationError("`\(plan.name)` has no trigger or schedule, so it has no eligibility query.") }
            switch EligibilityQuery(dialect: d, plan: project).sql(plan) {
            case .success(let sql): print(sql, terminator: "")
            case .failure: throw invocationError("`\(d.name)` cannot express the eligibility of `\(plan.name)`; `herald check` says why.")
            }
        case .results:
            guard let sql = ResultsQuery(dialect: d, plan: project).sql(plan) else {
                throw invocationError("`\(plan.name)` has no experiment goal to measure.")
            }
            print(sql, terminator: "")
        }
    }
}
