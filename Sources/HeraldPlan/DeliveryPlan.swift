import HeraldChecker
import HeraldSchema
import HeraldSyntax

/// When a triggered or scheduled campaign is due for a customer, as data that the eligibility
/// query writer and the trigger simulator both read, so that they implement one set of rules
/// (`docs/triggers.md` states them in words).
public struct DeliveryPlan: Sendable {
    /// What makes a send due.
    public enum Start: Sendable {
        case event(EventStart)
        /// One send at a fixed instant (seconds since the epoch).
        case once(Int64)
        case recurring(RecurringSchedule)
    }

    /// An event trigger with its filter both typed (for the simulator) and lowered (for SQL).
    public struct EventStart: Sendable {
        public var event: EventType
        public var filter: TypedExpr?
        public var loweredFilter: PlanExpr?
        public var delaySeconds: Int64
        public var exits: [EventType]
        public var reentry: Reentry
    }

    public var campaign: String
    public var start: Start
    /// The campaign's own cap.
    public var campaignCap: FrequencyCap?
    /// The project's cap across marketing campaigns (marketing campaigns only).
    public var marketingCap: FrequencyCap?
    /// The campaigns whose sends the marketing cap counts, sorted.
    public var marketingCampaigns: [String]
    public var quietHours: QuietHours?
    /// The zone quiet hours and customer-zone schedules use when the customer has none.
    public var projectZone: String
    /// The customer field holding an IANA zone, if the schema declares one.
    public var customerZone: Field?

    /// How long a due send stays pending (deferred by quiet hours or caps) before it is dropped.
    /// A campaign deployed today therefore never mails about triggers older than this.
    public static let pendingSeconds: Int64 = 86_400

    /// The arm recorded in the sends log for a held-out customer: the send system logs the decision
    /// but mails nothing, and frequency caps do not count it.
    public static let holdoutArm = "holdout"

    /// The zone a schedule is evaluated in: nil means the customer's (falling back to the project's).
    public var scheduleZone: String? {
        guard case .recurring(let r) = start else { return projectZone }
        switch r.zone {
        case .project(let z), .fixed(let z): return z
        case .customer: return nil
        }
    }

    /// The length of a recurring schedule's period, in seconds.
    public static func periodSeconds(_ r: RecurringSchedule) -> Int64 { r.period == .week ? 604_800 : 86_400 }

    /// Seconds from the start of the local period (Monday 00:00 for weekly, midnight for daily) to
    /// the schedule's occurrence in it.
    public static func occurrenceOffset(_ r: RecurringSchedule) -> Int64 { Int64(r.weekday ?? 0) * 86_400 + Int64(r.at) * 60 }

    /// Seconds since the latest occurrence at or before a local wall-clock instant (local epoch
    /// seconds). 1970-01-01 was a Thursday, three days after a Monday.
    public static func secondsSinceOccurrence(localEpoch: Int64, _ r: RecurringSchedule) -> Int64 {
        let period = periodSeconds(r)
        let intoPeriod = r.period == .week ? positiveModulo(localEpoch + 3 * 86_400, period) : positiveModulo(localEpoch, period)
        return positiveModulo(intoPeriod - occurrenceOffset(r), period)
    }

    public static func positiveModulo(_ a: Int64, _ m: Int64) -> Int64 { ((a % m) + m) % m }

    public init(campaign: CheckedCampaign, trigger: CheckedTrigger, lowering: Lowering, settings: ProjectSettings, schema: Schema,
                marketingCampaigns: [String]) {
        self.campaign = campaign.name
        switch trigger.kind {
        case .event(let t):
            start = .event(EventStart(event: t.event, filter: t.filter, loweredFilter: t.filter.map(lowering.lower),
                                      delaySeconds: t.delay.seconds, exits: t.exitOn, reentry: t.reentry))
        case .once(let at): start = .once(at)
        case .recurring(let r): start = .recurring(r)
        }
        campaignCap = campaign.frequencyCap
        let marketing = campaign.kind == .marketing
        marketingCap = marketing ? settings.frequencyCap : nil
        self.marketingCampaigns = marketing ? marketingCampaigns.sorted() : []
        quietHours = campaign.quietHours ?? (marketing ? settings.quietHours : nil)
        projectZone = settings.timezone
        customerZone = schema.customer.timezone
    }
}
