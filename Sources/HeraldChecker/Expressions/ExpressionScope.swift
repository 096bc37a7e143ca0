import HeraldSchema

/// What names an expression may use, which depends on where it is written.
public struct ExpressionScope: Sendable {
    /// The event `event.NAME` refers to: nil outside aggregates and triggers.
    public enum EventContext: Sendable {
        case none
        /// Inside `where` of an aggregate; nil event type means `any`.
        case aggregate(EventType?)
        /// The event that fired a trigger.
        case trigger(EventType)
    }

    public var event: EventContext
    /// Whether aggregates over events may appear (not inside another aggregate's `where`).
    public var allowsAggregates: Bool
    /// Whether `segment.NAME` may appear (not in the consent rule, which segments depend on).
    public var allowsSegments: Bool

    public init(event: EventContext = .none, allowsAggregates: Bool = true, allowsSegments: Bool = true) {
        self.event = event
        self.allowsAggregates = allowsAggregates
        self.allowsSegments = allowsSegments
    }

    public static let audience = ExpressionScope()
    public static let consent = ExpressionScope(allowsAggregates: false, allowsSegments: false)
}
