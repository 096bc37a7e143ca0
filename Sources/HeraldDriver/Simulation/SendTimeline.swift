import HeraldRuntime
import HeraldSchema
import HeraldSupport

/// The simulator's sends as a timeline a person reads, or as JSON for tools.
public enum SendTimeline {
    public static func text(_ sends: [SimulatedSend], campaigns: [String], from: Int64, to: Int64) -> String {
        var out = "Simulated \(CivilTime.iso8601(from)) to \(CivilTime.iso8601(to)): \(sends.count) send\(sends.count == 1 ? "" : "s")\n\n"
        let width = max(8, campaigns.map(\.count).max() ?? 8)
        for s in sends {
            var line = CivilTime.iso8601(s.sentAt) + "  " + pad(s.campaign, width) + "  " + pad(TriggerSimulator.keyText(s.customer), 8)
            if let arm = s.arm { line += "  " + pad(arm, 8) }
            if let t = s.triggeredAt { line += "  triggered " + CivilTime.iso8601(t) }
            out += line.trimmingTrailingSpaces + "\n"
        }
        out += "\nPer campaign:\n"
        for c in campaigns {
            let mine = sends.filter { $0.campaign == c }
            var arms: [String: Int] = [:]
            for s in mine { if let a = s.arm { arms[a, default: 0] += 1 } }
            let detail = arms.isEmpty ? "" : " (" + arms.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
            out += "  \(pad(c, width))  \(mine.count) send\(mine.count == 1 ? "" : "s"), \(Set(mine.map(\.customer)).count) customers\(detail)\n"
        }
        return out
    }

    public static func json(_ sends: [SimulatedSend], campaigns: [String]) -> JSONValue {
        [
            "sends": .array(sends.map { s in
                ["at": .string(CivilTime.iso8601(s.sentAt)), "campaign": .string(s.campaign), "customer": EventLogWriter.json(s.customer),
                 "arm": .optional(s.arm), "triggered_at": .optional(s.triggeredAt.map(CivilTime.iso8601))]
            }),
            "campaigns": .object(Dictionary(uniqueKeysWithValues: campaigns.map { c in (c, JSONValue.int(Int64(sends.filter { $0.campaign == c }.count))) })),
        ]
    }

    private static func pad(_ s: String, _ width: Int) -> String { s.count >= width ? s : s + String(repeating: " ", count: width - s.count) }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
