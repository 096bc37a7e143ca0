import Foundation
import HeraldDiagnostics
import HeraldSchema
import HeraldSource
import HeraldSupport
import HeraldSyntax

/// The checker phase: `ProjectSyntaxTree` in, `CheckedProject` and diagnostics out.
///
/// Segments are checked first (in dependency order), then every campaign independently.
public enum Checker {
    /// Checks the whole project; with `focusSegment`, only that segment and what it references
    /// (editors and `herald check FILE`), and no project-wide warnings such as unused segments.
    public static func check(_ tree: ProjectSyntaxTree, focusSegment: String? = nil, wholeProject: Bool = true) -> (CheckedProject?, DiagnosticBag) {
        var diagnostics = DiagnosticBag()
        let settings = SettingsChecker.check(tree.project, limits: tree.limits, diagnostics: &diagnostics)
        guard let schemaSyntax = tree.schema else { return (nil, diagnostics) }
        let schema = SchemaBuilder.build(schemaSyntax, diagnostics: &diagnostics)

        var consent: TypedExpr?
        if let c = schema.consent {
            var checker = ExpressionChecker(schema: schema) { _, _ in nil }
            let t = checker.condition(c, scope: .consent, what: "the consent rule")
            diagnostics.merge(checker.diagnostics)
            if !t.type.isError { consent = t }
        }

        reportDuplicates(tree.segments.compactMap(\.name), what: "segment", diagnostics: &diagnostics)
        reportDuplicates(tree.campaigns.compactMap(\.name), what: "campaign", diagnostics: &diagnostics)

        let resolver = SegmentResolver(schema: schema, segments: tree.segments)
        if wholeProject {
            diagnostics.merge(resolver.checkAll())
        } else if let name = focusSegment {
            diagnostics.merge(resolver.checkOnly(name))
        }
        var segments: [CheckedSegment] = []
        var segmentNames = Set<String>()
        for s in tree.segments {
            guard let n = s.name, let rule = resolver.checked[n.value], segmentNames.insert(n.value).inserted else { continue }
            segments.append(CheckedSegment(name: n.value, description: s.description?.value, owner: s.owner?.value, rule: rule, span: s.span))
        }

        var campaigns: [CheckedCampaign] = []
        var seen = Set<String>()
        @Sendable func checkCampaign(_ c: CampaignSyntax) -> (CheckedCampaign?, DiagnosticBag) {
            var checker = CampaignChecker(schema: schema, settings: settings, layouts: tree.layouts) { ref, out in resolver.resolve(ref, &out) }
            let checked = checker.check(c)
            return (checked, checker.diagnostics)
        }
        if wholeProject {
            // Every segment is checked by now, so campaigns only read the resolver: they are
            // checked on every core, and merged in file order so output never depends on timing.
            let results = ParallelResults<(CheckedCampaign?, DiagnosticBag)>(count: tree.campaigns.count)
            DispatchQueue.concurrentPerform(iterations: tree.campaigns.count) { i in results.set(i, checkCampaign(tree.campaigns[i])) }
            for case let (checked, found)? in results.values {
                diagnostics.merge(found)
                if let checked, seen.insert(checked.name).inserted { campaigns.append(checked) }
            }
        } else {
            for c in tree.campaigns {
                let (checked, found) = checkCampaign(c)
                diagnostics.merge(found)
                diagnostics.merge(resolver.takeDiagnostics())
                if let checked, seen.insert(checked.name).inserted { campaigns.append(checked) }
            }
        }

        if consent == nil, schema.consent == nil, let first = tree.campaigns.first(where: { $0.kind?.value == "marketing" }),
           let kind = first.kind {
            diagnostics.emit(Diagnostic(.missingConsentRule, "The schema has no consent rule, but this campaign is marketing.", at: kind.span)
                .help("Add `consent: customer.FIELD` under `customer:` in `schema.yaml`; every marketing audience is ANDed with it."))
        }
        for s in tree.segments where wholeProject {
            guard let n = s.name, !resolver.referenced.contains(n.value), resolver.checked[n.value] != nil else { continue }
            diagnostics.emit(Diagnostic(.unusedSegment, "The segment `\(n.value)` is used by no campaign and no other segment.", at: n.span)
                .help("Delete the file, or use it as `segment.\(n.value)`."))
        }
        campaigns.sort { $0.name < $1.name }
        let used = wholeProject ? resolver.referenced : resolver.reached
        if !wholeProject { segments.removeAll { !used.contains($0.name) } }
        segments.sort { $0.name < $1.name }
        var project = CheckedProject(settings: settings, schema: schema, consent: consent, segments: segments, campaigns: campaigns)
        project.usedSegments = used
        return (project, diagnostics)
    }

    static func reportDuplicates(_ names: [Located<String>], what: String, diagnostics: inout DiagnosticBag) {
        var first: [String: Span] = [:]
        for n in names {
            if let earlier = first[n.value] {
                diagnostics.emit(Diagnostic(.duplicateDefinition, "Another file already defines the \(what) `\(n.value)`.", at: n.span)
                    .label(earlier, "The \(what) `\(n.value)` is first defined here.")
                    .help("Rename one of them; \(what) names are unique in a project."))
            } else {
                first[n.value] = n.span
            }
        }
    }
}
