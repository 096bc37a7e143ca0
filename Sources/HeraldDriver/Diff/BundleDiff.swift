import HeraldSupport

/// What changed between two bundles, campaign by campaign: audiences as conditions (from the plan),
/// delivery, and content (subject, preheader, blocks, arms, with a short template diff).
public struct BundleDiff: Sendable {
    public struct CampaignChange: Sendable {
        public var name: String
        public var kind: String
        public var removedConditions: [String] = []
        public var addedConditions: [String] = []
        /// Top-level keys of `delivery` that differ (`trigger`, `frequency_caps`, …).
        public var delivery: [String] = []
        /// Parts whose program differs: `subject`, `preheader`, `html`, `amp`, `text`, `from`.
        public var parts: [String] = []
        public var slots: [String] = []
        public var arms: [String] = []
        public var templateExcerpt: [String] = []
        /// Other changed members of `campaign.json` (columns, experiment, headers).
        public var other: [String] = []

        public var isEmpty: Bool {
            removedConditions.isEmpty && addedConditions.isEmpty && delivery.isEmpty && parts.isEmpty && slots.isEmpty
                && arms.isEmpty && other.isEmpty && templateExcerpt.isEmpty
        }
    }

    public var added: [String]
    public var removed: [String]
    public var changed: [CampaignChange]
    public var unchanged: Int

    public init(old: BundleSnapshot, new: BundleSnapshot) {
        added = new.campaigns.keys.filter { old.campaigns[$0] == nil }.sorted()
        removed = old.campaigns.keys.filter { new.campaigns[$0] == nil }.sorted()
        var changed: [CampaignChange] = []
        var unchanged = 0
        for name in new.campaigns.keys.sorted() {
            guard let a = old.campaigns[name], let b = new.campaigns[name] else { continue }
            let change = BundleDiff.compare(a, b)
            if change.isEmpty { unchanged += 1 } else { changed.append(change) }
        }
        self.changed = changed
        self.unchanged = unchanged
    }

    static func compare(_ a: BundleSnapshot.Campaign, _ b: BundleSnapshot.Campaign) -> CampaignChange {
        var c = CampaignChange(name: b.name, kind: b.kind)
        let before = a.campaign["audience"]?["conditions"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let after = b.campaign["audience"]?["conditions"]?.arrayValue?.compactMap(\.stringValue) ?? []
        c.removedConditions = before.filter { !after.contains($0) }
        c.addedConditions = after.filter { !before.contains($0) }
        c.delivery = changedKeys(a.campaign["delivery"], b.campaign["delivery"])
        for key in ["experiment", "headers", "kind"] where a.campaign[key] != b.campaign[key] { c.other.append(key) }
        if a.campaign["audience"]?["columns"] != b.campaign["audience"]?["columns"] { c.other.append("columns") }
        for part in ["subject", "preheader", "html", "amp", "text"] where a.message["parts"]?[part] != b.message["parts"]?[part] {
            c.parts.append(part)
        }
        if a.message["from"] != b.message["from"] { c.parts.append("from") }
        c.slots = changedKeys(a.message["slots"], b.message["slots"]).filter { !$0.hasPrefix("herald:") }
        let armsA = Dictionary((a.message["variants"]?.arrayValue ?? []).compactMap { v in v["name"]?.stringValue.map { ($0, v) } }) { x, _ in x }
        let armsB = Dictionary((b.message["variants"]?.arrayValue ?? []).compactMap { v in v["name"]?.stringValue.map { ($0, v) } }) { x, _ in x }
        c.arms = Set(armsA.keys).union(armsB.keys).filter { armsA[$0] != armsB[$0] }.sorted()
        if a.template != b.template { c.templateExcerpt = LineDiff.excerpt(LineDiff.diff(a.template, b.template)) }
        return c
    }

    /// Keys of two JSON objects whose values differ (including keys only one has).
    static func changedKeys(_ a: JSONValue?, _ b: JSONValue?) -> [String] {
        let x = a?.objectValue ?? [:], y = b?.objectValue ?? [:]
        return Set(x.keys).union(y.keys).filter { x[$0] != y[$0] }.sorted()
    }
}
