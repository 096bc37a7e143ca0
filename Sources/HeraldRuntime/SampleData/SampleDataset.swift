import HeraldSchema
import HeraldSupport

/// Generated customers, events and relation rows for a schema: what sample databases and
/// differential tests are made of. Everything derives from the seed.
public struct SampleDataset: Sendable {
    public struct Event: Sendable, Hashable {
        public init(customer: Value, type: String, time: Int64, properties: [String: Value]) {
            self.customer = customer
            self.type = type
            self.time = time
            self.properties = properties
        }

        public var customer: Value
        public var type: String
        /// Seconds since the epoch, whole seconds.
        public var time: Int64
        public var properties: [String: Value]
    }

    public var asOf: Int64
    /// Customer rows by field name (the key included).
    public var customers: [[String: Value]]
    /// Events in time order.
    public var events: [Event]
    public var relations: [String: [[String: Value]]]
    /// Rows of the suppression list (customer keys), if the schema declares one.
    public var suppressed: [Value]
    /// Rows of the sends log, if the schema declares one.
    public var sends: [Send] = []

    public init(asOf: Int64, customers: [[String: Value]], events: [Event], relations: [String: [[String: Value]]], suppressed: [Value],
                sends: [Send] = []) {
        self.asOf = asOf
        self.customers = customers
        self.events = events
        self.relations = relations
        self.suppressed = suppressed
        self.sends = sends
    }

    public struct Send: Sendable, Hashable {
        public var customer: Value
        public var campaign: String
        public var arm: String?
        public var sentAt: Int64

        public init(customer: Value, campaign: String, arm: String?, sentAt: Int64) {
            self.customer = customer
            self.campaign = campaign
            self.arm = arm
            self.sentAt = sentAt
        }
    }
}

/// Knobs for the sample data generator.
public struct SampleOptions: Sendable {
    public var customers: Int
    /// Days of history before `asOf`.
    public var days: Int
    public var seed: UInt64
    public var asOf: Int64
    /// Average events per active customer.
    public var eventsPerCustomer: Int
    /// Put extra events exactly on window edges (`asOf` minus whole hours and days), where
    /// inclusive/exclusive mistakes show up.
    public var edgeEvents: Bool

    public init(customers: Int = 3000, days: Int = 180, seed: UInt64 = 20261125, asOf: Int64 = SampleOptions.defaultAsOf,
                eventsPerCustomer: Int = 12, edgeEvents: Bool = false) {
        self.customers = customers
        self.days = days
        self.seed = seed
        self.asOf = asOf
        self.eventsPerCustomer = eventsPerCustomer
        self.edgeEvents = edgeEvents
    }

    /// 2026-11-25T12:00:00Z: the instant the sample data is "now" for.
    public static let defaultAsOf: Int64 = CivilTime.days(year: 2026, month: 11, day: 25) * 86_400 + 12 * 3600
}
