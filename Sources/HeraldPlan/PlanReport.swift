import Foundation
import HeraldChecker

/// The text `herald plan` prints: the audience before and after optimization, the shared
/// features it reads, and the scans that compute them.
public enum PlanReport {
    public static func text(_ c: CampaignPlan, features: FeatureTable) -> String {
        let inline = PlanPrinter(features: features)
        let names = c.featureNames
        let byID = PlanPrinter(features: features, inlineFeatures: false, names: names)
        var out = "campaign \(c.name) (\(c.kind.rawValue))\n"
        out += "\nbefore optimization:\n  \(inline.print(c.unoptimized))\n"
        out += "\nafter optimization:\n  \(byID.print(c.audience))\n"
        var used = c.audience.features
        for b in c.blocks { for cond in b.conditions { if let cond { used.formUnion(cond.features) } } }
        if !used.isEmpty {
            out += "\nfeatures:\n"
            for id in used.sorted(by: { (names[$0] ?? "").localizedStandardCompare(names[$1] ?? "") == .orderedAscending }) {
                out += "  \(names[id] ?? id.description) = \(inline.describe(features[id]))\n"
            }
        }
        if !c.blocks.isEmpty {
            out += "\nblocks:\n"
            for b in c.blocks {
                out += "  \(b.slot):\n"
                for (i, cond) in b.conditions.enumerated() { out += "    \(i): \(cond.map(byID.print) ?? "otherwise")\n" }
            }
        }
        if !c.scans.isEmpty {
            out += "\nscans:\n"
            for (i, s) in c.scans.enumerated() {
                let source: String
                switch s.source {
                case .eventsTable: source = "events"
                case .eventTable(let t): source = "table of \(t.name)"
                case .allEventTables: source = "every event table"
                }
                let ranges = s.ranges.map { r in
                    let events = r.events.map { $0.map(\.name).joined(separator: ", ") } ?? "any event"
                    return "[\(events)] " + (r.window.map { "within \($0)" } ?? "all history")
                }.joined(separator: ", ")
                out += "  s\(i): \(source) \(ranges) -> \(s.features.map { names[$0] ?? $0.description }.joined(separator: ", "))\n"
            }
        }
        if let e = c.experiment {
            out += "\nexperiment \(e.id): holdout buckets 0..<\(e.holdoutBuckets)"
            for (i, v) in e.variants.enumerated() { out += ", \(v) \(e.bounds[i])..<\(e.bounds[i + 1])" }
            out += "\n"
        }
        return out
    }
}
