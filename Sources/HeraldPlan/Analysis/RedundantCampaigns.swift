import HeraldDiagnostics

/// Campaigns whose audience is contained in another campaign's with the same trigger and kind
/// (`H0503`): the smaller one may be redundant. Reads only `RedundancyProfile`s, so the planner
/// and the check cache run the same analysis.
///
/// A campaign's finding is the first campaign, in name order, that contains it; of two campaigns
/// with equal audiences, the later one is reported. Contradictory audiences are left to the
/// never-matches warning.
public enum RedundantCampaigns {
    /// A campaign whose every recipient is also in `container`'s audience (indices into the profiles).
    public struct Finding: Equatable, Sendable {
        public var redundant: Int
        public var container: Int

        public init(redundant: Int, container: Int) {
            self.redundant = redundant
            self.container = container
        }
    }

    /// The findings, at most one per campaign, for profiles in campaign-name order. `pairwise`
    /// tests every pair instead of asking the subset index (the index's oracle in tests).
    public static func findings(_ profiles: [RedundancyProfile], pairwise: Bool = false) -> [Finding] {
        let c = Containment(profiles)
        // Only campaigns of one group are compared, and only those the subset index cannot rule
        // out, so thousands of unrelated campaigns cost no pairwise test.
        var out: [Finding] = []
        for members in c.groups.values where members.count > 1 {
            let index = SubsetIndex(members: members, shapes: c.shapes)
            for i in members {
                var candidates: Set<Int>?
                for ca in c.shapes[i]!.conjuncts where !ca.contradictory {
                    let fits = pairwise ? Set(members) : index.candidates(for: ca)
                    candidates = candidates.map { $0.intersection(fits) } ?? fits
                }
                if let j = candidates?.sorted().first(where: { c.contains($0, i) }) { out.append(Finding(redundant: i, container: j)) }
            }
        }
        return out.sorted { $0.redundant < $1.redundant }
    }

    /// The findings after the campaigns at `changed` changed their profiles, from the findings
    /// before (`previous[i]`: the container of campaign `i`, by the same indices). Equal to
    /// `findings(profiles)`, at the cost of testing the changed campaigns against their groups.
    ///
    /// Only pairs with a changed campaign can change. A campaign whose first container is unchanged
    /// keeps it unless a changed campaign earlier in name order now contains it; one whose
    /// container changed, and each changed campaign, is tested against its whole group again. A
    /// group that holds no changed campaign and lost no container keeps its findings untested.
    public static func update(_ profiles: [RedundancyProfile], previous: [Int?], changed: Set<Int>) -> [Finding] {
        var touched = Set(changed.map { profiles[$0].group })
        for i in profiles.indices where previous[i].map(changed.contains) == true { touched.insert(profiles[i].group) }
        let c = Containment(profiles, groups: touched)
        let changedInOrder = changed.sorted()
        var out: [Finding] = []
        for i in profiles.indices {
            guard touched.contains(profiles[i].group) else {
                if let p = previous[i] { out.append(Finding(redundant: i, container: p)) }
                continue
            }
            guard let members = c.groups[profiles[i].group], members.count > 1, c.shapes[i] != nil else { continue }
            let first: Int?
            if changed.contains(i) || previous[i].map(changed.contains) == true {
                first = members.first { c.contains($0, i) }
            } else {
                let earlier = changedInOrder.first { j in j < (previous[i] ?? Int.max) && profiles[j].group == profiles[i].group && c.contains(j, i) }
                first = earlier ?? previous[i]
            }
            if let first { out.append(Finding(redundant: i, container: first)) }
        }
        return out
    }

    /// The warning for one finding.
    public static func diagnostic(_ f: Finding, _ profiles: [RedundancyProfile]) -> Diagnostic {
        let (a, b) = (profiles[f.redundant], profiles[f.container])
        return Diagnostic(.redundantCampaign, "Everyone in the audience of `\(a.campaign)` is also in the audience of `\(b.campaign)`, which has the same trigger.",
                          at: a.anchor)
            .label(b.anchor, "The audience of `\(b.campaign)` is here.")
            .help("The smaller campaign may be redundant; frequency caps decide which one a customer gets.")
    }

    /// The warnings for findings.
    public static func diagnostics(_ findings: [Finding], _ profiles: [RedundancyProfile]) -> DiagnosticBag {
        var out = DiagnosticBag()
        for f in findings { out.emit(diagnostic(f, profiles)) }
        return out
    }
}

/// Which campaign's audience contains which: the profiles' shapes and groups, and the test that
/// decides a finding.
struct Containment {
    let profiles: [RedundancyProfile]
    /// Nil for a campaign that is never compared: it selects everyone, its normal form is over
    /// the budget, or every conjunction is contradictory.
    let shapes: [AudienceShape?]
    /// Group → the compared campaigns in it, in order.
    let groups: [Int: [Int]]

    /// The shapes of every campaign, or only of those in `only` groups (the others are left nil).
    init(_ profiles: [RedundancyProfile], groups only: Set<Int>? = nil) {
        self.profiles = profiles
        shapes = profiles.map { p in
            guard only?.contains(p.group) ?? true else { return nil }
            return p.conjunctions.map(AudienceShape.init).flatMap { s in s.conjuncts.contains { !$0.contradictory } ? s : nil }
        }
        var groups: [Int: [Int]] = [:]
        for (i, p) in profiles.enumerated() where shapes[i] != nil { groups[p.group, default: []].append(i) }
        self.groups = groups
    }

    /// Whether campaign `j` is reported as containing campaign `i`: same group, `i`'s audience
    /// implies `j`'s, and of two equal audiences only the later campaign is the redundant one.
    func contains(_ j: Int, _ i: Int) -> Bool {
        guard j != i, let a = shapes[i], let b = shapes[j], profiles[i].group == profiles[j].group else { return false }
        guard profiles[j].conjunctions != profiles[i].conjunctions || i > j else { return false }
        return a.implies(b) && !(b.implies(a) && i < j)
    }
}
