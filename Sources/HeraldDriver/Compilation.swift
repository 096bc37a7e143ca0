import Dispatch
import HeraldBundle
import HeraldChecker
import HeraldDiagnostics
import HeraldEmail
import HeraldPlan
import HeraldSQL
import HeraldSupport
import HeraldSource
import HeraldSyntax

/// Runs the phases after reading: checker, planner, SQL targets and email, collecting every
/// diagnostic. What `check` reports and what `build` writes from.
public struct Compilation: Sendable {
    public static let compilerVersion = "0.1.0"

    public var loaded: LoadedProject
    public var checked: CheckedProject?
    public var plan: ProjectPlan?
    public var messages: [String: CompiledMessage] = [:]
    public var dialects: [any SQLDialect] = []
    public var diagnostics: DiagnosticBag
    /// The diagnostics each campaign's message produced, by campaign name (the incremental check
    /// attributes them to the campaign even when they point into a layout).
    public var messageDiagnostics: [String: [Diagnostic]] = [:]
    /// Whether `messages` holds every compiled message (see `run(_:keepingMessages:)`).
    public var keptMessages = true

    public var sources: SourceManager { loaded.sources }

    /// `keepingMessages: false` is for checking: each compiled message is validated and dropped,
    /// so a repository of 10,000 campaigns never holds them all (a large heap makes every
    /// allocation slower), and `bundleWriter` is nil.
    public static func run(_ loaded: LoadedProject, keepingMessages: Bool = true) -> Compilation {
        var diagnostics = DiagnosticBag()
        var c = Compilation(loaded: loaded, diagnostics: diagnostics)
        c.keptMessages = keepingMessages
        let tree = loaded.tree
        var focusSegment: String?
        var focusCampaign = false
        if let focus = loaded.focus {
            focusSegment = tree.segments.first { $0.span.file == focus }?.name?.value
            focusCampaign = tree.campaigns.contains { $0.span.file == focus }
        }
        let whole = loaded.focus == nil
        var tree2 = tree
        if !whole && !focusCampaign { tree2.campaigns = [] }
        let (checked, checkDiagnostics) = Checker.check(tree2, focusSegment: focusSegment, wholeProject: whole)
        // Reading diagnostics of segment files outside the focus are left out, unless those segments are used.
        var readDiagnostics = loaded.diagnostics.items
        if !whole {
            let used = checked?.usedSegments ?? []
            let skipped = Set(tree.segments.filter { s in s.span.file != loaded.focus && !(s.name.map { used.contains($0.value) } ?? false) }
                .map(\.span.file))
            readDiagnostics.removeAll { d in d.span.map { skipped.contains($0.file) } ?? false }
        }
        diagnostics.merge(readDiagnostics)
        diagnostics.merge(checkDiagnostics)
        c.checked = checked
        guard let checked else {
            c.diagnostics = diagnostics
            return c
        }
        for t in checked.settings.targets where Dialects.named(t.value) == nil {
            diagnostics.emit(Diagnostic(.unknownDialect, "`\(t.value)` is not a SQL dialect Herald knows.", at: t.span)
                .suggesting(t.value, among: Dialects.names, at: t.span)
                .note("Dialects: \(Suggestions.list(Dialects.names, conjunction: "and"))."))
        }
        let targetNames = checked.settings.targets.isEmpty ? Dialects.defaultTargets : checked.settings.targets.map(\.value)
        c.dialects = targetNames.compactMap(Dialects.named)
        // The plan does not depend on the messages: it is made on another core while they
        // compile, and merged before them as if it had come first.
        let planning = BackgroundTask { Planner.plan(checked) }
        // Campaigns are independent once names are resolved: their messages compile on every core,
        // and their results are merged in campaign order, so the output does not depend on timing.
        let campaigns = checked.campaigns, schema = checked.schema, sources = c.sources
        let results = ParallelResults<(CompiledMessage?, DiagnosticBag)>(count: campaigns.count)
        let layouts = CompiledLayouts()
        DispatchQueue.concurrentPerform(iterations: campaigns.count) { i in
            let (message, diagnostics) = MessageCompiler.compile(campaigns[i], schema: schema, sources: sources, layouts: layouts)
            results.set(i, (keepingMessages ? message : nil, diagnostics))
        }
        let (plan, planDiagnostics) = planning.value
        diagnostics.merge(planDiagnostics)
        c.plan = plan
        for campaign in checked.campaigns {
            guard let p = plan.campaign(named: campaign.name), p.delivery != nil, let span = campaign.trigger?.span else { continue }
            for d in c.dialects where EligibilityQuery(dialect: d, plan: plan).failure(p) == .perCustomerZone {
                diagnostics.emit(Diagnostic(.dialectCannotExpress,
                    "The target `\(d.name)` cannot read quiet hours or a schedule in each customer's time zone.", at: span)
                    .help("Remove `\(d.name)` from `targets`, or send in the project's time zone."))
            }
        }
        for (campaign, result) in zip(campaigns, results.values) {
            guard let (message, d) = result else { continue }
            diagnostics.merge(d)
            c.messageDiagnostics[campaign.name] = d.items
            if let message, keepingMessages { c.messages[campaign.name] = message }
        }
        c.diagnostics = diagnostics
        return c
    }

    /// What writes the bundle of a compilation without errors.
    public var bundleWriter: BundleWriter? {
        guard !diagnostics.hasErrors, keptMessages, let checked, let plan else { return nil }
        return BundleWriter(project: checked, plan: plan, messages: messages, dialects: dialects, compilerVersion: Compilation.compilerVersion)
    }

    /// The bundle of a compilation without errors, in memory.
    public func bundle() -> Bundle? { bundleWriter?.bundle() }
}
