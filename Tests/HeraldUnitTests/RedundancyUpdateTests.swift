import HeraldDriver
@testable import HeraldPlan
import HeraldSupport
import HeraldTestSupport
import Testing

/// What the check cache relies on for `H0503` after an audience edit: a profile reads back from its
/// text unchanged, and updating the findings from the previous ones after some campaigns changed
/// gives what the whole analysis gives.
@Suite struct RedundancyUpdateTests {
    /// Profiles of 60 generated campaigns, `g0`…`g59`; the campaigns in `edited` get audiences drawn
    /// from `editSeed` instead, and some of them a weekly trigger (which moves them to another group).
    static func profiles(seed: UInt64, edited: Set<Int> = [], editSeed: UInt64 = 0) throws -> (profiles: [RedundancyProfile], symbols: StringTable) {
        var r = SeededRandom(seed: seed), e = SeededRandom(seed: editSeed)
        var files: [String: String] = [:]
        for i in 0..<60 {
            var audience = SubsetIndexTests.audience(&r), extra = ""
            if edited.contains(i) {
                audience = SubsetIndexTests.audience(&e)
                if e.int(4) == 0 { extra = "trigger:\n  every: week\n  day: monday\n  at: \"09:00\"\n" }
            }
            files["campaigns/g\(i).yaml"] = ScratchProject.campaign("g\(i)", audience: audience, extra: extra)
        }
        let plan = try #require(try ScratchProject(files: files).compile().plan)
        return (plan.redundancy.filter { $0.campaign.hasPrefix("g") }, plan.redundancySymbols)
    }

    @Test(arguments: [1, 2, 3])
    func profilesReadBack(seed: UInt64) throws {
        var (profiles, symbols) = try RedundancyUpdateTests.profiles(seed: seed)
        for p in profiles {
            let numbers = p.encoded(&symbols)
            let read = RedundancyProfile(decoding: numbers, symbols: symbols, campaign: p.campaign, file: p.anchor.file)
            #expect(read == p, "\(p.campaign): \(numbers)")
        }
    }

    /// A profile moved to another table reads the same strings there.
    @Test func profilesRenumberIntoAnotherTable() throws {
        let (profiles, symbols) = try RedundancyUpdateTests.profiles(seed: 2)
        var other = StringTable(["unrelated", "strings", "first"])
        for p in profiles {
            let moved = p.renumbered(from: symbols, into: &other)
            #expect(other.strings[moved.group] == symbols.strings[p.group])
            for (a, b) in zip((moved.conjunctions ?? []).joined(), (p.conjunctions ?? []).joined()) {
                #expect(a.operands.map { other.strings[$0] }.sorted() == b.operands.map { symbols.strings[$0] }.sorted())
            }
            #expect(moved.renumbered(from: other, into: &other) == moved)
        }
        #expect(RedundantCampaigns.findings(profiles.map { $0.renumbered(from: symbols, into: &other) }) == RedundantCampaigns.findings(profiles))
    }

    @Test func malformedProfilesDoNotRead() throws {
        var (profiles, symbols) = try RedundancyUpdateTests.profiles(seed: 1)
        let p = try #require(profiles.first)
        let numbers = p.encoded(&symbols)
        for cut in [1, numbers.count / 2, numbers.count - 1] {
            #expect(RedundancyProfile(decoding: Array(numbers.prefix(cut)), symbols: symbols, campaign: p.campaign, file: p.anchor.file) == nil)
        }
        #expect(RedundancyProfile(decoding: numbers + [0], symbols: symbols, campaign: p.campaign, file: p.anchor.file) == nil)
        #expect(RedundancyProfile(decoding: numbers, symbols: StringTable(), campaign: p.campaign, file: p.anchor.file) == nil)
        #expect(RedundancyProfile(decoding: [0, 0, 0, 99_999_999], symbols: symbols, campaign: p.campaign, file: p.anchor.file) == nil)
    }

    @Test func updatingEqualsAnalyzingAgain() throws {
        var differing = 0
        for seed in UInt64(1)...8 {
            var (before, symbols) = try RedundancyUpdateTests.profiles(seed: seed)
            var pick = SeededRandom(seed: seed + 100)
            var edited = Set<Int>()
            for _ in 0..<(1 + pick.int(5)) { edited.insert(pick.int(60)) }
            // The campaigns are planned again, so their numbers are in a new table: move them to the old one.
            let (plannedAgain, newSymbols) = try RedundancyUpdateTests.profiles(seed: seed, edited: edited, editSeed: seed + 100)
            let after = plannedAgain.map { $0.renumbered(from: newSymbols, into: &symbols) }
            var previous = [Int?](repeating: nil, count: before.count)
            let old = RedundantCampaigns.findings(before)
            for f in old { previous[f.redundant] = f.container }
            let changed = Set(after.indices.filter { after[$0] != before[$0] })
            let expected = RedundantCampaigns.findings(after)
            #expect(RedundantCampaigns.update(after, previous: previous, changed: changed) == expected, "seed \(seed), edited \(edited.sorted())")
            // Naming more campaigns as changed than did change costs time, not correctness.
            let more = changed.union([pick.int(60), pick.int(60)])
            #expect(RedundantCampaigns.update(after, previous: previous, changed: more) == expected, "seed \(seed), edited \(edited.sorted())")
            if old != expected { differing += 1 }
        }
        #expect(differing >= 4, "the edits should change the findings in most seeds: \(differing) of 8")
    }

    /// A container that moves to another group (a trigger added to it) leaves the campaigns it
    /// contained to be compared again within the group they stay in.
    @Test func aContainerLeavingItsGroup() throws {
        let (before, symbolsBefore) = try RedundancyUpdateTests.profiles(seed: 3)
        var symbols = symbolsBefore
        let old = RedundantCampaigns.findings(before)
        var previous = [Int?](repeating: nil, count: before.count)
        for f in old { previous[f.redundant] = f.container }
        let containers = Set(old.map(\.container)).sorted()
        #expect(!containers.isEmpty)
        for k in containers.prefix(3) + [before.indices.first { !containers.contains($0) }!] {
            var after = before
            after[k].group = symbols.id("every:week:0:540/marketing")
            let expected = RedundantCampaigns.findings(after)
            #expect(RedundantCampaigns.update(after, previous: previous, changed: [k]) == expected, "campaign \(k) moved")
        }
    }
}
