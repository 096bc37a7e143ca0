import HeraldChecker
import HeraldSchema
import HeraldSupport

/// The `delivery` member of `campaign.json`: when a campaign sends (its event trigger or schedule),
/// which caps apply and what happens in quiet hours, as data a send system obeys exactly
/// (`docs/bundle-format.md`).
enum DeliverySpec {
    static func json(_ c: CheckedCampaign, settings: ProjectSettings, schema: Schema) -> JSONValue {
        var o: [String: JSONValue] = [:]
        switch c.trigger?.kind {
        case .event(let t)?:
            var trigger: [String: JSONValue] = [
                "on": .string(t.event.name), "event_name": .string(t.event.sourceName), "delay_seconds": .int(t.delay.seconds),
                "exit_on": .array(t.exitOn.map { .string($0.name) }), "reentry": reentry(t.reentry),
            ]
            if let f = t.filter { trigger["where"] = .string(ExprPrinter.print(f)) }
            o["trigger"] = .object(trigger)
        case .once(let instant)?:
            o["schedule"] = ["once": .string(CivilTime.iso8601(instant))]
        case .recurring(let r)?:
            var s: [String: JSONValue] = ["every": .string(r.period.rawValue), "at": .string(clock(r.at))]
            if let d = r.weekday { s["weekday"] = .string(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][d]) }
            s["time_zone"] = zone(r.zone, schema: schema)
            o["schedule"] = .object(s)
        case nil:
            o["schedule"] = ["on_demand": true]
        }
        // Caps: the campaign's own, and for marketing mail the project's cap across all marketing campaigns.
        var caps: [JSONValue] = []
        if let cap = c.frequencyCap { caps.append(["scope": "campaign", "count": .int(Int64(cap.count)), "window_seconds": .int(cap.window.seconds)]) }
        if c.kind == .marketing, let cap = settings.frequencyCap {
            caps.append(["scope": "marketing", "count": .int(Int64(cap.count)), "window_seconds": .int(cap.window.seconds)])
        }
        o["frequency_caps"] = .array(caps)
        if let q = c.quietHours ?? (c.kind == .marketing ? settings.quietHours : nil) {
            o["quiet_hours"] = [
                "from": .string(clock(q.from)), "to": .string(clock(q.to)), "policy": .string(q.policy.rawValue),
                "time_zone": schema.customer.timezone.map { ["customer_field": .string($0.name), "fallback": .string(settings.timezone)] }
                    ?? ["zone": .string(settings.timezone)],
            ]
        }
        return .object(o)
    }

    static func reentry(_ r: Reentry) -> JSONValue {
        switch r {
        case .once: return "once"
        case .always: return "always"
        case .every(let i): return ["every_seconds": .int(i.seconds)]
        }
    }

    static func zone(_ z: RecurringSchedule.Zone, schema: Schema) -> JSONValue {
        switch z {
        case .project(let name), .fixed(let name): return ["zone": .string(name)]
        case .customer: return ["customer_field": .optional(schema.customer.timezone?.name)]
        }
    }

    /// Minutes after midnight as `HH:MM`.
    static func clock(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0" : "") + String(h) + ":" + (m < 10 ? "0" : "") + String(m)
    }
}
