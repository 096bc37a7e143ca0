import HeraldChecker
import HeraldSource
import HeraldSupport

/// What the redundant-campaign analysis (H0503) needs of one campaign, independent of any one
/// run's feature table: the group it is compared within (same trigger and kind), where a finding
/// points, and its audience in disjunctive normal form. The check cache keeps one per campaign,
/// so that editing one audience re-runs the analysis without reading the other campaigns.
///
/// The group and the atoms' printed forms are numbers in a `StringTable` shared by every profile
/// compared together (the planner's, or the check cache's).
public struct RedundancyProfile: Equatable, Sendable {
    public var campaign: String
    /// Campaigns are compared only with others of the same group (trigger and kind, numbered).
    public var group: Int
    /// Where a finding about the campaign points: its audience, or the campaign when it has none.
    public var anchor: Span
    /// The audience's conjunctions; nil when it selects everyone or its normal form is over the budget.
    public var conjunctions: [[ShapeAtom]]?

    /// Above this many conjunctions an audience is not compared (distribution can blow up).
    static let budget = 64

    public init(campaign: String, group: Int, anchor: Span, conjunctions: [[ShapeAtom]]?) {
        self.campaign = campaign
        self.group = group
        self.anchor = anchor
        self.conjunctions = conjunctions
    }

    init(_ c: CheckedCampaign, plan: CampaignPlan, printer: PlanPrinter, symbols: inout StringTable) {
        let form = plan.audience == .true ? nil : NormalForm.dnf(plan.audience, budget: RedundancyProfile.budget)
        self.init(campaign: c.name, group: symbols.id(AudienceAnalysis.triggerKey(c) + "/" + c.kind.rawValue), anchor: c.audience?.span ?? c.span,
                  conjunctions: form.map { $0.map { $0.map { ShapeAtom($0, printer: printer, symbols: &symbols) } } })
    }

    /// The same profile numbered in another table: `symbols` is this profile's table, `target` the other.
    public func renumbered(from symbols: StringTable, into target: inout StringTable) -> RedundancyProfile {
        var copy = self
        copy.group = target.id(symbols.strings[group])
        copy.conjunctions = conjunctions?.map { c in c.map { a in a.renumbered { target.id(symbols.strings[$0]) } } }
        return copy
    }

    /// The profile as numbers, without the campaign's name and the anchor's file (the cache keeps
    /// those beside it): the group, the anchor's range, the number of conjunctions (`-1` for none)
    /// and each conjunction's atoms. `symbols` is the profile's table (text constants are added).
    public func encoded(_ symbols: inout StringTable) -> [Int] {
        var out = [group, Int(anchor.start), Int(anchor.end)]
        if let conjunctions {
            out.append(conjunctions.count)
            for c in conjunctions {
                out.append(c.count)
                for a in c { a.encode(into: &out, &symbols) }
            }
        } else {
            out.append(-1)
        }
        return out
    }

    /// Reads `encoded`; nil when the numbers are malformed.
    public init?(decoding numbers: [Int], symbols: StringTable, campaign: String, file: FileID) {
        var r = NumberReader(numbers, strings: symbols)
        guard let group = r.symbol(), let start = r.int(), let end = r.int(), let n = r.int(),
              let s = UInt32(exactly: start), let e = UInt32(exactly: end), s <= e else { return nil }
        var conjunctions: [[ShapeAtom]]?
        if n >= 0 {
            var all: [[ShapeAtom]] = []
            for _ in 0..<n {
                guard let count = r.count() else { return nil }
                var atoms: [ShapeAtom] = []
                for _ in 0..<count { guard let a = ShapeAtom(reading: &r) else { return nil }; atoms.append(a) }
                all.append(atoms)
            }
            conjunctions = all
        } else if n != -1 {
            return nil
        }
        guard r.isAtEnd else { return nil }
        self.init(campaign: campaign, group: group, anchor: Span(file: file, start: s, end: e), conjunctions: conjunctions)
    }
}
