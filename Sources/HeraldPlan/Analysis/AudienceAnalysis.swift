import HeraldChecker
import HeraldDiagnostics
import HeraldSchema

/// Static analysis of audiences on the plan: rules that can never match, rules that always match,
/// and campaigns whose audience is contained in another's with the same trigger.
public enum AudienceAnalysis {
    static let merging = RangeMerging()

    /// True when the conjunction of `atoms` is unsatisfiable by range reasoning.
    static func contradicts(_ atoms: [PlanExpr], _ context: RuleContext) -> Bool {
        if atoms.contains(where: { $0.boolConstant == false }) { return true }
        return merging.rewrite(.and(atoms), context) == .false
    }

    /// The first pair of atoms that cannot hold together, if any.
    static func conflictingPair(_ atoms: [PlanExpr], _ context: RuleContext) -> (PlanExpr, PlanExpr)? {
        for i in atoms.indices {
            for j in atoms.indices where j > i {
                if contradicts([atoms[i], atoms[j]], context) { return (atoms[i], atoms[j]) }
            }
        }
        return nil
    }

    static func analyze(_ c: CheckedCampaign, optimized: PlanExpr, features: FeatureTable) -> DiagnosticBag {
        var out = DiagnosticBag()
        guard let audience = c.audience else { return out }
        let printer = PlanPrinter(features: features)
        let context = RuleContext(features: features)
        let lowered = Lowering(features: features).lower(audience)
        let simplified = Optimizer().optimize(lowered, context: context)
        if simplified == .false || optimized == .false {
            var d = Diagnostic(.audienceNeverMatches, "The audience of `\(c.name)` can never match anyone.", at: audience.span)
            if let dnf = NormalForm.dnf(lowered), let first = dnf.first, let (a, b) = conflictingPair(first, context) {
                d = d.note("`\(printer.print(a))` and `\(printer.print(b))` cannot both hold.")
            }
            out.emit(d.help("Check the bounds of the conditions; one of them is probably reversed or a typo."))
        } else if simplified == .true {
            out.emit(Diagnostic(.audienceAlwaysMatches, "The audience of `\(c.name)` matches every customer.", at: audience.span)
                .help("Remove `audience:` if that is intended, so that readers see it at once."))
        }
        return out
    }

    /// Warns when a campaign's audience is a subset of another campaign's with the same trigger.
    /// `pairwise` tests every pair instead of asking the subset index (the index's oracle in tests).
    static func subsets(_ campaigns: [CheckedCampaign], plans: [CampaignPlan], features: FeatureTable, pairwise: Bool = false) -> DiagnosticBag {
        var out = DiagnosticBag()
        let context = RuleContext(features: features)
        let shapes = plans.map { p in p.audience == .true ? nil : NormalForm.dnf(p.audience, budget: 64).map { AudienceShape($0, context) } }
        // Only campaigns with the same trigger and kind are compared, and only those the subset
        // index cannot rule out, so thousands of unrelated campaigns cost no pairwise test.
        var groups: [String: [Int]] = [:]
        for (i, c) in campaigns.enumerated() where shapes[i] != nil { groups[triggerKey(c) + "/" + c.kind.rawValue, default: []].append(i) }
        for members in groups.values where members.count > 1 {
            let index = SubsetIndex(members: members, shapes: shapes)
            for i in members {
                let a = shapes[i]!
                guard !a.conjuncts.isEmpty else { continue }
                var candidates: Set<Int>?
                for ca in a.conjuncts where !ca.contradictory {
                    let fits = pairwise ? Set(members) : index.candidates(for: ca)
                    candidates = candidates.map { $0.intersection(fits) } ?? fits
                }
                // A contradictory audience implies every other; the never-matches warning covers it.
                guard let found = candidates else { continue }
                for j in found.sorted() where j != i {
                    guard plans[j].audience != plans[i].audience || i > j else { continue }
                    let b = shapes[j]!
                    if a.implies(b) && !(b.implies(a) && i < j) {
                        let (ca, cb) = (campaigns[i], campaigns[j])
                        out.emit(Diagnostic(.redundantCampaign, "Everyone in the audience of `\(ca.name)` is also in the audience of `\(cb.name)`, which has the same trigger.",
                                            at: ca.audience?.span ?? ca.span)
                            .label(cb.audience?.span ?? cb.span, "The audience of `\(cb.name)` is here.")
                            .help("The smaller campaign may be redundant; frequency caps decide which one a customer gets."))
                        break
                    }
                }
            }
        }
        return out
    }

    static func triggerKey(_ c: CheckedCampaign) -> String {
        guard let t = c.trigger else { return "none" }
        switch t.kind {
        case .event(let e): return "event:\(e.event.name):\(e.filter.map(ExprPrinter.print) ?? ""):\(e.delay.seconds)"
        case .once(let at): return "once:\(at)"
        case .recurring(let r): return "every:\(r.period):\(r.weekday ?? -1):\(r.at)"
        }
    }


    static func negate(_ atom: PlanExpr) -> PlanExpr? {
        switch atom {
        case .compare, .inList, .isNull: return Complement.negation(of: atom)
        default: return nil
        }
    }
}
