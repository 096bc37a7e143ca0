import HeraldChecker
import HeraldPlan
import HeraldSchema
import HeraldSupport

/// One send decision of the simulator (or of an eligibility query): who, which campaign and arm, when.
public struct SimulatedSend: Sendable, Hashable {
    public var customer: Value
    public var campaign: String
    /// The experiment arm, `holdout` for held-out customers, nil without an experiment.
    public var arm: String?
    public var sentAt: Int64
    /// The trigger event the send answers (the latest pending one), for event triggers.
    public var triggeredAt: Int64?
}

/// Replays customers and an event log through every triggered and scheduled campaign, tick by
/// tick, following `DeliveryPlan`'s rules: pending triggers, delays, exits, re-entry, caps, quiet
/// hours and arms. At each tick, campaigns are evaluated in name order and each one's sends are
/// logged before the next is evaluated: the order a send system running the eligibility queries
/// must use for the project-wide cap to hold.
public struct TriggerSimulator {
    public let project: CheckedProject
    public let plan: ProjectPlan
    private let base: Interpreter
    private let customers: [Value: [String: Value]]
    /// Events of each type in time order.
    private let eventsByType: [String: [SampleDataset.Event]]
    private let suppressed: Set<Value>
    private let keyName: String

    public init(project: CheckedProject, plan: ProjectPlan, data: SampleDataset) {
        self.project = project
        self.plan = plan
        base = Interpreter(data: data, schema: project.schema)
        keyName = project.schema.customer.key.name
        customers = Dictionary(data.customers.compactMap { row in row[project.schema.customer.key.name].map { ($0, row) } }, uniquingKeysWith: { a, _ in a })
        var byType: [String: [SampleDataset.Event]] = [:]
        for e in data.events { byType[e.type, default: []].append(e) }
        eventsByType = byType.mapValues { $0.sorted { $0.time < $1.time } }
        suppressed = Set(data.suppressed)
    }

    /// The campaigns the simulator drives, in evaluation order.
    public var campaigns: [CampaignPlan] { plan.campaigns.filter { $0.delivery != nil }.sorted { $0.name < $1.name } }

    /// Every send from `from` to `to` (inclusive), one tick every `step` seconds.
    public func run(from: Int64, to: Int64, step: Int64, log initial: SendsLog = SendsLog()) -> [SimulatedSend] {
        var log = initial
        var out: [SimulatedSend] = []
        var t = from
        while t <= to {
            for c in campaigns {
                let due = self.due(c, at: t, log: log)
                for s in due { log.append(SampleDataset.Send(customer: s.customer, campaign: s.campaign, arm: s.arm, sentAt: s.sentAt)) }
                out += due
            }
            t += step
        }
        return out
    }

    /// Who is due a send of one campaign at an instant, given the sends log: what the campaign's
    /// eligibility query returns at that `as_of`.
    public func due(_ c: CampaignPlan, at now: Int64, log: SendsLog) -> [SimulatedSend] {
        guard let d = c.delivery, let campaign = project.campaign(named: c.name) else { return [] }
        var interpreter = base.at(now)
        let P = DeliveryPlan.pendingSeconds
        var candidates: [(Value, Int64?)] = []
        switch d.start {
        case .event(let t):
            // The latest exit per customer, read once for the tick rather than once per trigger event.
            var lastExit: [Value: Int64] = [:]
            for x in t.exits {
                for e in events(x.name, after: now - P - t.delaySeconds, through: now) { lastExit[e.customer] = max(lastExit[e.customer] ?? e.time, e.time) }
            }
            var latest: [Value: Int64] = [:]
            for e in events(t.event.name, after: now - P - t.delaySeconds, through: now - t.delaySeconds) {
                let row = customers[e.customer] ?? [:]
                if let f = t.filter, interpreter.evaluate(f, row: row, event: e) != .bool(true) { continue }
                if let q = d.quietHours, q.policy == .skip, inQuiet(q, local(e.time + t.delaySeconds, d, row)) { continue }
                if let x = lastExit[e.customer], e.time <= x { continue }
                if let s = log.lastSent(e.customer, campaign: c.name, asOf: now), e.time <= s { continue }
                latest[e.customer] = max(latest[e.customer] ?? e.time, e.time)
            }
            for (k, time) in latest {
                let last = log.lastSent(k, campaign: c.name, asOf: now)
                switch t.reentry {
                case .once: if last != nil { continue }
                case .every(let i): if let last, last > now - i.seconds { continue }
                case .always: break
                }
                candidates.append((k, time))
            }
        case .once(let at):
            guard now >= at, now < at + P else { return [] }
            for k in customers.keys {
                if let last = log.lastSent(k, campaign: c.name, asOf: now), last >= at { continue }
                if let q = d.quietHours, q.policy == .skip, inQuiet(q, local(at, d, customers[k]!)) { continue }
                candidates.append((k, nil))
            }
        case .recurring(let r):
            for (k, row) in customers {
                let clock = localSchedule(now, d, row)
                let since = DeliveryPlan.secondsSinceOccurrence(localEpoch: clock, r)
                if since >= min(P, DeliveryPlan.periodSeconds(r)) { continue }
                if let last = log.lastSent(k, campaign: c.name, asOf: now), last >= now - since { continue }
                if let q = d.quietHours, q.policy == .skip, inQuiet(q, clock - since) { continue }
                candidates.append((k, nil))
            }
        }
        var out: [SimulatedSend] = []
        for (k, triggeredAt) in candidates {
            guard let row = customers[k] else { continue }
            if let cap = d.campaignCap, log.mailed(k, campaigns: [c.name], window: cap.window.seconds, asOf: now) >= cap.count { continue }
            if let cap = d.marketingCap, log.mailed(k, campaigns: Set(d.marketingCampaigns), window: cap.window.seconds, asOf: now) >= cap.count { continue }
            if let q = d.quietHours, inQuiet(q, local(now, d, row)) { continue }
            if c.isMarketing {
                if suppressed.contains(k) { continue }
                if let consent = project.consent, interpreter.evaluate(consent, row: row, event: nil) != .bool(true) { continue }
            }
            if let a = campaign.audience, interpreter.evaluate(a, row: row, event: nil) != .bool(true) { continue }
            let arm = campaign.experiment.map { e in e.arm(forBucket: ArmBucket.bucket(experiment: e.id, key: TriggerSimulator.keyText(k))) ?? DeliveryPlan.holdoutArm }
            out.append(SimulatedSend(customer: k, campaign: c.name, arm: arm, sentAt: now, triggeredAt: triggeredAt))
        }
        return out.sorted { Interpreter.order($0.customer, $1.customer) ?? 0 < 0 }
    }

    /// The key as the SQL hashes it (`CAST(key AS TEXT)`).
    public static func keyText(_ v: Value) -> String {
        switch v {
        case .string(let s): return s
        default: return v.description
        }
    }

    /// Events of a type in `(after, through]`.
    private func events(_ type: String, after: Int64, through: Int64) -> ArraySlice<SampleDataset.Event> {
        guard let list = eventsByType[type] else { return [] }
        var lo = 0, hi = list.count
        while lo < hi { let m = (lo + hi) / 2; if list[m].time <= after { lo = m + 1 } else { hi = m } }
        var end = lo
        while end < list.count, list[end].time <= through { end += 1 }
        return list[lo..<end]
    }

    /// An instant on the wall clock of the customer's zone (or the project's).
    private func local(_ instant: Int64, _ d: DeliveryPlan, _ row: [String: Value]) -> Int64 {
        var zone: String?
        if let f = d.customerZone, case .string(let z)? = row[f.name] { zone = z }
        return ZoneClock.localEpoch(instant, zone: zone, fallback: d.projectZone)
    }

    /// The wall clock a schedule runs on: its fixed or project zone, or the customer's.
    private func localSchedule(_ instant: Int64, _ d: DeliveryPlan, _ row: [String: Value]) -> Int64 {
        if let z = d.scheduleZone { return ZoneClock.localEpoch(instant, zone: z, fallback: z) }
        return local(instant, d, row)
    }

    private func inQuiet(_ q: QuietHours, _ clock: Int64) -> Bool {
        q.contains(minuteOfDay: Int(DeliveryPlan.positiveModulo(clock, 86_400) / 60))
    }
}
