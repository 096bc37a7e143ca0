import HeraldChecker
import HeraldPlan
import HeraldSchema

/// Writes a triggered or scheduled campaign's eligibility query: who is due a send at `as_of`.
///
/// It is the audience query (evaluated at `as_of`, when the send is due) narrowed to customers
/// with a pending trigger or schedule occurrence, and filtered by re-entry, frequency caps and
/// quiet hours, all read from the sends log. The rules are `DeliveryPlan`'s, the same the
/// simulator follows; `docs/triggers.md` states them.
public struct EligibilityQuery {
    public let dialect: any SQLDialect
    public let plan: ProjectPlan

    public init(dialect: any SQLDialect, plan: ProjectPlan) {
        self.dialect = dialect
        self.plan = plan
    }

    /// Why a campaign's eligibility cannot be written for this dialect.
    public enum Failure: Error, Equatable {
        /// The schema declares no sends log, which re-entry and caps read.
        case noSendsLog
        /// The engine cannot convert times to a time zone stored per customer.
        case perCustomerZone
    }

    private func q(_ s: String) -> String { dialect.quote(s) }
    private var asOf: String { dialect.asOf }
    private func before(_ seconds: Int64) -> String { dialect.timestamp(asOf, plusSeconds: -seconds) }

    /// Column names the query returns: the audience query's, then when the trigger fired.
    public func columns(_ c: CampaignPlan) -> [String] {
        var cols = AudienceQuery.columns(c, schema: plan.schema)
        if case .event? = c.delivery?.start { cols.append("herald_triggered_at") }
        return cols
    }

    /// Why the campaign's eligibility cannot be written for this dialect, without writing it.
    public func failure(_ c: CampaignPlan) -> Failure? {
        guard let d = c.delivery else { return nil }
        guard plan.schema.sends != nil else { return .noSendsLog }
        var perCustomer = d.quietHours != nil
        if case .recurring = d.start, d.scheduleZone == nil { perCustomer = true }
        if perCustomer, dialect.localEpochSeconds(dialect.asOf, zone: zone(d)) == nil { return .perCustomerZone }
        return nil
    }

    public func sql(_ c: CampaignPlan) -> Result<String, Failure> {
        guard let d = c.delivery else { return .success(AudienceQuery(dialect: dialect, plan: plan).sql(c)) }
        if let f = failure(c) { return .failure(f) }
        guard let sends = plan.schema.sends else { return .failure(.noSendsLog) }
        let key = "c.\(q(plan.schema.customer.key.column))"
        var ext = QueryExtension()
        ext.ctes.append(sendsCTE(d, sends))
        ext.joins.append("LEFT JOIN \(q("herald_history")) ON \(q("herald_history")).\(q("k")) = \(key)")
        let lastSent = "\(q("herald_history")).\(q("last_sent"))"

        let quietZone = zone(d)
        switch d.start {
        case .event(let t):
            guard let triggers = triggersCTE(d, t, quietZone: quietZone) else { return .failure(.perCustomerZone) }
            ext.ctes.append(triggers)
            if !t.exits.isEmpty { ext.ctes.append(exitsCTE(t)) }
            ext.ctes.append(dueCTE(t))
            ext.joins.insert("JOIN \(q("herald_due")) ON \(q("herald_due")).\(q("k")) = \(key)", at: 0)
            ext.select.append("\(q("herald_due")).\(q("t")) AS \(q("herald_triggered_at"))")
            switch t.reentry {
            case .once: ext.conditions.append("\(lastSent) IS NULL")
            case .every(let i): ext.conditions.append("(\(lastSent) IS NULL OR \(lastSent) <= \(before(i.seconds)))")
            case .always: break
            }
        case .once(let at):
            ext.conditions.append("\(asOf) >= \(dialect.timestampLiteral(at))")
            ext.conditions.append("\(asOf) < \(dialect.timestampLiteral(at + DeliveryPlan.pendingSeconds))")
            ext.conditions.append("(\(lastSent) IS NULL OR \(lastSent) < \(dialect.timestampLiteral(at)))")
            if let quiet = d.quietHours, quiet.policy == .skip {
                guard let clock = dialect.localEpochSeconds(dialect.timestampLiteral(at), zone: quietZone) else { return .failure(.perCustomerZone) }
                ext.conditions.append("NOT \(inQuietHours(clock, quiet))")
            }
        case .recurring(let r):
            guard let scheduleClock = dialect.localEpochSeconds(asOf, zone: d.scheduleZone.map(SQLZone.named) ?? quietZone) else {
                return .failure(.perCustomerZone)
            }
            let since = secondsSinceOccurrence(scheduleClock, r)
            let pending = min(DeliveryPlan.pendingSeconds, DeliveryPlan.periodSeconds(r))
            if pending < DeliveryPlan.periodSeconds(r) { ext.conditions.append("\(since) < \(pending)") }
            ext.conditions.append("(\(lastSent) IS NULL OR \(dialect.epochSeconds(lastSent)) < \(dialect.epochSeconds(asOf)) - \(since))")
            if let quiet = d.quietHours, quiet.policy == .skip {
                ext.conditions.append("NOT \(inQuietHours("(\(scheduleClock) - \(since))", quiet))")
            }
        }
        if let cap = d.campaignCap { ext.conditions.append("COALESCE(\(q("herald_history")).\(q("campaign_recent")), 0) < \(cap.count)") }
        if let cap = d.marketingCap { ext.conditions.append("COALESCE(\(q("herald_history")).\(q("marketing_recent")), 0) < \(cap.count)") }
        if let quiet = d.quietHours {
            guard let clock = dialect.localEpochSeconds(asOf, zone: quietZone) else { return .failure(.perCustomerZone) }
            ext.conditions.append("NOT \(inQuietHours(clock, quiet))")
        }
        return .success(AudienceQuery(dialect: dialect, plan: plan).compose(c, ext))
    }

    /// The zone quiet hours (and customer-zone schedules) are read in: the customer's column,
    /// falling back to the project's zone, when the schema has one.
    private func zone(_ d: DeliveryPlan) -> SQLZone {
        guard let field = d.customerZone else { return .named(d.projectZone) }
        return .column("c.\(q(field.column))", fallback: d.projectZone)
    }

    /// One grouped pass over the sends log: the last send of this campaign, and the sends the
    /// caps count (held-out decisions are logged but were never mailed, so caps skip them).
    private func sendsCTE(_ d: DeliveryPlan, _ s: SendsTable) -> String {
        let campaign = "x.\(q(s.campaignColumn))", sentAt = "x.\(q(s.sentAtColumn))", arm = "x.\(q(s.armColumn))"
        let mailed = "(\(arm) IS NULL OR \(arm) <> \(dialect.string(DeliveryPlan.holdoutArm)))"
        let this = "\(campaign) = \(dialect.string(d.campaign))"
        var lines = ["SELECT x.\(q(s.customerColumn)) AS \(q("k"))", "  , MAX(CASE WHEN \(this) THEN \(sentAt) END) AS \(q("last_sent"))"]
        var names = [d.campaign]
        if let cap = d.campaignCap {
            lines.append("  , \(dialect.signedInteger("COUNT(CASE WHEN \(this) AND \(sentAt) > \(before(cap.window.seconds)) AND \(mailed) THEN 1 END)")) AS \(q("campaign_recent"))")
        }
        if let cap = d.marketingCap {
            let list = d.marketingCampaigns.map(dialect.string).joined(separator: ", ")
            lines.append("  , \(dialect.signedInteger("COUNT(CASE WHEN \(campaign) IN (\(list)) AND \(sentAt) > \(before(cap.window.seconds)) AND \(mailed) THEN 1 END)")) AS \(q("marketing_recent"))")
            names += d.marketingCampaigns
        }
        let scope = Array(Set(names)).sorted().map(dialect.string)
        lines.append("FROM \(q(s.table)) AS x")
        lines.append("WHERE \(sentAt) <= \(asOf)")
        lines.append("  AND \(campaign) " + (scope.count == 1 ? "= \(scope[0])" : "IN (\(scope.joined(separator: ", ")))"))
        lines.append("GROUP BY x.\(q(s.customerColumn))")
        return cte("herald_history", lines)
    }

    /// Trigger events whose send falls due in the pending window `(as_of − 1 day, as_of]`.
    private func triggersCTE(_ d: DeliveryPlan, _ t: DeliveryPlan.EventStart, quietZone: SQLZone) -> String? {
        let source = EventRows(dialect: dialect, layout: plan.schema.events.layout, types: [t.event])
        var conditions = source.nameCondition
        conditions.append("\(source.time) > \(before(DeliveryPlan.pendingSeconds + t.delaySeconds))")
        conditions.append("\(source.time) <= \(before(t.delaySeconds))")
        var needsCustomer = false
        if let f = t.loweredFilter {
            var writer = SQLExpressionWriter(dialect: dialect, features: plan.features, customerColumn: { [dialect] field in "c.\(dialect.quote(field.column))" })
            writer.eventProperty = source.property
            conditions.append(writer.condition(f))
            needsCustomer = !f.columns.isEmpty
        }
        if let quiet = d.quietHours, quiet.policy == .skip {
            guard let clock = dialect.localEpochSeconds(dialect.timestamp(source.time, plusSeconds: t.delaySeconds), zone: quietZone) else { return nil }
            conditions.append("NOT \(inQuietHours(clock, quiet))")
            if case .column = quietZone { needsCustomer = true }
        }
        var lines = ["SELECT \(source.customer) AS \(q("k")), \(source.time) AS \(q("t"))", "FROM \(source.from)"]
        if needsCustomer {
            let customer = plan.schema.customer
            lines.append("JOIN \(q(customer.table)) AS c ON c.\(q(customer.key.column)) = \(source.customer)")
        }
        lines.append("WHERE " + conditions.joined(separator: "\n  AND "))
        return cte("herald_triggers", lines)
    }

    /// The latest exit event per customer that can cancel a pending trigger.
    private func exitsCTE(_ t: DeliveryPlan.EventStart) -> String {
        let source = EventRows(dialect: dialect, layout: plan.schema.events.layout, types: t.exits)
        var conditions = source.nameCondition
        conditions.append("\(source.time) > \(before(DeliveryPlan.pendingSeconds + t.delaySeconds))")
        conditions.append("\(source.time) <= \(asOf)")
        return cte("herald_exits", ["SELECT \(source.customer) AS \(q("k")), MAX(\(source.time)) AS \(q("t"))", "FROM \(source.from)",
                                    "WHERE " + conditions.joined(separator: "\n  AND "), "GROUP BY \(source.customer)"])
    }

    /// Customers with a pending trigger: one after their last exit event and after their last
    /// send of this campaign (a send consumes every trigger before it).
    private func dueCTE(_ t: DeliveryPlan.EventStart) -> String {
        let tt = "\(q("herald_triggers")).\(q("t"))"
        var lines = ["SELECT \(q("herald_triggers")).\(q("k")) AS \(q("k")), MAX(\(tt)) AS \(q("t"))", "FROM \(q("herald_triggers"))"]
        var conditions: [String] = []
        if !t.exits.isEmpty {
            lines.append("LEFT JOIN \(q("herald_exits")) ON \(q("herald_exits")).\(q("k")) = \(q("herald_triggers")).\(q("k"))")
            conditions.append("(\(q("herald_exits")).\(q("t")) IS NULL OR \(tt) > \(q("herald_exits")).\(q("t")))")
        }
        lines.append("LEFT JOIN \(q("herald_history")) ON \(q("herald_history")).\(q("k")) = \(q("herald_triggers")).\(q("k"))")
        conditions.append("(\(q("herald_history")).\(q("last_sent")) IS NULL OR \(tt) > \(q("herald_history")).\(q("last_sent")))")
        lines.append("WHERE " + conditions.joined(separator: "\n  AND "))
        lines.append("GROUP BY \(q("herald_triggers")).\(q("k"))")
        return cte("herald_due", lines)
    }

    /// Seconds since the schedule's latest local occurrence, from a local epoch expression.
    private func secondsSinceOccurrence(_ clock: String, _ r: RecurringSchedule) -> String {
        let period = Int(DeliveryPlan.periodSeconds(r))
        let shifted = r.period == .week ? "(\(clock) + \(3 * 86_400))" : clock
        let into = dialect.modulo(shifted, period)
        return dialect.modulo("\(into) - \(DeliveryPlan.occurrenceOffset(r)) + \(period)", period)
    }

    /// Whether a local epoch expression falls inside quiet hours (which may wrap midnight).
    private func inQuietHours(_ clock: String, _ quiet: QuietHours) -> String {
        let minute = dialect.integerDivide(dialect.modulo(clock, 86_400), "60")
        return quiet.from <= quiet.to ? "(\(minute) >= \(quiet.from) AND \(minute) < \(quiet.to))"
                                      : "(\(minute) >= \(quiet.from) OR \(minute) < \(quiet.to))"
    }

    private func cte(_ name: String, _ lines: [String]) -> String { dialect.cte(name, lines) }
}
