import HeraldSupport

/// `herald diff` output: Markdown fit for a pull-request comment, or JSON.
public struct DiffReport {
    public var diff: BundleDiff
    /// Audience sizes on a database, before and after, by campaign (with `--db`).
    public var sizes: [String: (before: Int?, after: Int?)] = [:]

    public init(diff: BundleDiff, sizes: [String: (before: Int?, after: Int?)] = [:]) {
        self.diff = diff
        self.sizes = sizes
    }

    func size(_ name: String) -> String? {
        guard let s = sizes[name] else { return nil }
        func n(_ x: Int?) -> String { x.map(String.init) ?? "—" }
        var text = "\(n(s.before)) → \(n(s.after)) recipients"
        if let b = s.before, let a = s.after, b != a { text += " (\(a > b ? "+" : "")\(a - b))" }
        return text
    }

    public var markdown: String {
        let d = diff
        var out = "## Herald: "
        let counts = [(d.changed.count, "changed"), (d.added.count, "added"), (d.removed.count, "removed")]
        out += counts.map { "\($0.0) campaign\($0.0 == 1 ? "" : "s") \($0.1)" }.joined(separator: ", ")
        out += d.unchanged > 0 ? ", \(d.unchanged) unchanged\n" : "\n"
        if d.added.isEmpty && d.removed.isEmpty && d.changed.isEmpty { return out + "\nNo campaign changed.\n" }
        if !d.added.isEmpty {
            out += "\n### Added\n\n" + d.added.map { "- `\($0)`" + (size($0).map { ": \($0)" } ?? "") }.joined(separator: "\n") + "\n"
        }
        if !d.removed.isEmpty {
            out += "\n### Removed\n\n" + d.removed.map { "- `\($0)`" + (size($0).map { ": \($0)" } ?? "") }.joined(separator: "\n") + "\n"
        }
        for c in d.changed {
            out += "\n### `\(c.name)`\n\n"
            if let s = size(c.name) { out += "- **Audience size:** \(s)\n" }
            if !c.removedConditions.isEmpty || !c.addedConditions.isEmpty {
                out += "- **Audience:**\n"
                for r in c.removedConditions { out += "  - no longer requires `\(r)`\n" }
                for a in c.addedConditions { out += "  - now requires `\(a)`\n" }
            }
            if !c.delivery.isEmpty { out += "- **Delivery:** " + c.delivery.map { "`\($0)`" }.joined(separator: ", ") + " changed\n" }
            if !c.other.isEmpty { out += "- **Also changed:** " + c.other.map { "`\($0)`" }.joined(separator: ", ") + "\n" }
            if !c.parts.isEmpty { out += "- **Content:** " + c.parts.map { "`\($0)`" }.joined(separator: ", ") + " changed\n" }
            if !c.slots.isEmpty { out += "- **Blocks:** " + c.slots.map { "`\($0)`" }.joined(separator: ", ") + " changed\n" }
            if !c.arms.isEmpty { out += "- **Arms:** " + c.arms.map { "`\($0)`" }.joined(separator: ", ") + " changed\n" }
            if !c.templateExcerpt.isEmpty {
                out += "\n<details><summary>Template diff</summary>\n\n```diff\n" + c.templateExcerpt.joined(separator: "\n") + "\n```\n\n</details>\n"
            }
        }
        return out
    }

    public var json: JSONValue {
        func list(_ xs: [String]) -> JSONValue { .array(xs.map { .string($0) }) }
        func sizeJSON(_ name: String) -> JSONValue {
            guard let s = sizes[name] else { return .null }
            return ["before": s.before.map { .int(Int64($0)) } ?? .null, "after": s.after.map { .int(Int64($0)) } ?? .null]
        }
        return [
            "added": list(diff.added), "removed": list(diff.removed), "unchanged": .int(Int64(diff.unchanged)),
            "changed": .array(diff.changed.map { c in
                ["name": .string(c.name), "audience": ["removed": list(c.removedConditions), "added": list(c.addedConditions)],
                 "delivery": list(c.delivery), "other": list(c.other), "parts": list(c.parts), "blocks": list(c.slots), "arms": list(c.arms),
                 "template_diff": list(c.templateExcerpt), "size": sizeJSON(c.name)]
            }),
            "sizes": .object(Dictionary(uniqueKeysWithValues: sizes.keys.sorted().map { ($0, sizeJSON($0)) })),
        ]
    }
}
