import HeraldChecker
import HeraldDiagnostics
import HeraldSchema

/// Static analysis of audiences on the plan: rules that can never match and rules that always
/// match. (`RedundantCampaigns` finds campaigns contained in another's audience.)
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

    static func triggerKey(_ c: CheckedCampaign) -> String {
        guard let t = c.trigger else { return "none" }
        switch t.kind {
        case .event(let e): return "event:\(e.event.name):\(e.filter.map(ExprPrinter.print) ?? ""):\(e.delay.seconds)"
        case .once(let at): return "once:\(at)"
        case .recurring(let r): return "every:\(r.period):\(r.weekday ?? -1):\(r.at)"
        }
    }
}
