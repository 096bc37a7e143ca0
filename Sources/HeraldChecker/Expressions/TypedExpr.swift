import HeraldSchema
import HeraldSource
import HeraldSyntax

/// A checked expression: every name resolved against the schema, every node typed.
///
/// This is what the planner, the SQL generator and the reference interpreter consume.
public struct TypedExpr: Sendable, Hashable {
    public indirect enum Kind: Sendable, Hashable {
        case literal(Value)
        /// The instant the audience is evaluated at (a bound parameter in SQL).
        case asOf
        case field(Field)
        /// A property of the current event: inside an aggregate's `where`, or the trigger event.
        case eventProperty(Field)
        /// A named segment, kept as a node so that plans and diffs can name it.
        case segment(String, TypedExpr)
        case aggregate(EventAggregate)
        case not(TypedExpr)
        case and([TypedExpr])
        case or([TypedExpr])
        case compare(CompareOperator, TypedExpr, TypedExpr)
        case arithmetic(ArithmeticOperator, TypedExpr, TypedExpr)
        case negate(TypedExpr)
        case coalesce(TypedExpr, TypedExpr)
        case isNull(TypedExpr, negated: Bool)
        case inList(TypedExpr, [Value], negated: Bool)
        /// Substring test on strings, or element test on lists.
        case contains(TypedExpr, TypedExpr)
        case startsWith(TypedExpr, TypedExpr)
        case function(ScalarFunction, [TypedExpr])
        /// The customer's quintile (1-5) or percentile (1-100) of a value across the whole customer base.
        case rank(RankKind, TypedExpr)
    }

    public var kind: Kind
    public var type: TypeRef
    public var span: Span

    public init(_ kind: Kind, _ type: TypeRef, _ span: Span) {
        self.kind = kind
        self.type = type
        self.span = span
    }

    /// Equality that ignores spans: two rules written in different places mean the same thing.
    public var structuralKey: String { ExprPrinter.print(self) }
}

public enum CompareOperator: String, Sendable, Hashable, CaseIterable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

    /// The operator with its operands swapped: `a < b` is `b > a`.
    public var flipped: CompareOperator {
        switch self {
        case .equal, .notEqual: return self
        case .less: return .greater
        case .lessOrEqual: return .greaterOrEqual
        case .greater: return .less
        case .greaterOrEqual: return .lessOrEqual
        }
    }

    /// The operator that is true exactly when this one is false (for non-null operands).
    public var negated: CompareOperator {
        switch self {
        case .equal: return .notEqual
        case .notEqual: return .equal
        case .less: return .greaterOrEqual
        case .lessOrEqual: return .greater
        case .greater: return .lessOrEqual
        case .greaterOrEqual: return .less
        }
    }
}

public enum ArithmeticOperator: String, Sendable, Hashable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
}

public enum ScalarFunction: String, Sendable, Hashable, CaseIterable {
    case daysSince = "days_since", lower, upper, length
}

public enum RankKind: String, Sendable, Hashable {
    case quintile, percentile

    public var buckets: Int64 { self == .quintile ? 5 : 100 }
}

/// One aggregate over a customer's events: the unit the planner fuses into shared scans.
public struct EventAggregate: Sendable, Hashable {
    public var function: AggregateFunction
    /// The event type; nil means every event (`any`).
    public var event: EventType?
    /// The aggregated property (sum/avg/min/max, and first/last of a property).
    public var property: Field?
    public var filter: TypedExpr?
    /// Events count when `as_of - window <= time <= as_of`; nil means all history up to `as_of`.
    public var window: Interval?

    public init(function: AggregateFunction, event: EventType?, property: Field?, filter: TypedExpr?, window: Interval?) {
        self.function = function
        self.event = event
        self.property = property
        self.filter = filter
        self.window = window
    }

    public var eventName: String { event?.name ?? "any" }
}
