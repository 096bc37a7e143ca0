import HeraldChecker
import HeraldSchema
import HeraldSyntax

/// A node of the predicate plan: a typed expression in which segments are inlined and every event
/// aggregate is a reference to a shared `Feature`.
public indirect enum PlanExpr: Hashable, Sendable {
    case constant(Value)
    case asOf
    case column(Field)
    case eventProperty(Field)
    case feature(FeatureID)
    case not(PlanExpr)
    case and([PlanExpr])
    case or([PlanExpr])
    case compare(CompareOperator, PlanExpr, PlanExpr)
    case arithmetic(ArithmeticOperator, PlanExpr, PlanExpr, TypeRef)
    case negate(PlanExpr)
    case coalesce(PlanExpr, PlanExpr)
    case isNull(PlanExpr, negated: Bool)
    case inList(PlanExpr, [Value], negated: Bool)
    case contains(PlanExpr, PlanExpr)
    case startsWith(PlanExpr, PlanExpr)
    case function(ScalarFunction, [PlanExpr])
    case rank(RankKind, PlanExpr)

    public static let `true` = PlanExpr.constant(.bool(true))
    public static let `false` = PlanExpr.constant(.bool(false))

    public var boolConstant: Bool? {
        if case .constant(.bool(let b)) = self { return b }
        return nil
    }

    /// Children in order, for generic traversals.
    public var children: [PlanExpr] {
        switch self {
        case .constant, .asOf, .column, .eventProperty, .feature: return []
        case .not(let x), .negate(let x), .isNull(let x, _), .inList(let x, _, _), .rank(_, let x): return [x]
        case .and(let xs), .or(let xs), .function(_, let xs): return xs
        case .compare(_, let a, let b), .arithmetic(_, let a, let b, _), .coalesce(let a, let b), .contains(let a, let b),
             .startsWith(let a, let b): return [a, b]
        }
    }

    /// Calls `body` with each child, in the order of `children`, without making their array:
    /// walks over every predicate of every query made one array per node.
    public func forEachChild(_ body: (PlanExpr) throws -> Void) rethrows {
        switch self {
        case .constant, .asOf, .column, .eventProperty, .feature: return
        case .not(let x), .negate(let x), .isNull(let x, _), .inList(let x, _, _), .rank(_, let x): try body(x)
        case .and(let xs), .or(let xs), .function(_, let xs): for x in xs { try body(x) }
        case .compare(_, let a, let b), .arithmetic(_, let a, let b, _), .coalesce(let a, let b), .contains(let a, let b),
             .startsWith(let a, let b):
            try body(a)
            try body(b)
        }
    }

    /// Rebuilds the node with new children (same count and order as `children`).
    public func with(children c: [PlanExpr]) -> PlanExpr {
        switch self {
        case .constant, .asOf, .column, .eventProperty, .feature: return self
        case .not: return .not(c[0])
        case .negate: return .negate(c[0])
        case .isNull(_, let n): return .isNull(c[0], negated: n)
        case .inList(_, let v, let n): return .inList(c[0], v, negated: n)
        case .rank(let k, _): return .rank(k, c[0])
        case .and: return .and(c)
        case .or: return .or(c)
        case .function(let f, _): return .function(f, c)
        case .compare(let op, _, _): return .compare(op, c[0], c[1])
        case .arithmetic(let op, _, _, let t): return .arithmetic(op, c[0], c[1], t)
        case .coalesce: return .coalesce(c[0], c[1])
        case .contains: return .contains(c[0], c[1])
        case .startsWith: return .startsWith(c[0], c[1])
        }
    }

    /// Number of nodes: what size budgets count.
    public var size: Int { 1 + children.reduce(0) { $0 + $1.size } }

    /// Every feature the expression reads.
    public var features: Set<FeatureID> {
        var out = Set<FeatureID>()
        func visit(_ e: PlanExpr) {
            if case .feature(let f) = e { out.insert(f) } else { e.forEachChild(visit) }
        }
        visit(self)
        return out
    }

    /// Every customer field the expression reads.
    public var columns: Set<String> {
        var out = Set<String>()
        func visit(_ e: PlanExpr) {
            if case .column(let f) = e { out.insert(f.name) } else { e.forEachChild(visit) }
        }
        visit(self)
        return out
    }

    public var containsRank: Bool {
        if case .rank = self { return true }
        var found = false
        forEachChild { if !found && $0.containsRank { found = true } }
        return found
    }
}

/// Identifies a feature in the project's feature table.
public struct FeatureID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let index: Int
    public static func < (a: FeatureID, b: FeatureID) -> Bool { a.index < b.index }
    public var description: String { "f\(index)" }
}

/// An event aggregate computed once per customer and shared by every rule that reads it.
public struct Feature: Hashable, Sendable {
    /// `exists` never appears here: the planner rewrites it to `count >= 1`.
    public var function: AggregateFunction
    public var event: EventType?
    public var property: Field?
    public var filter: PlanExpr?
    public var window: Interval?

    public init(function: AggregateFunction, event: EventType?, property: Field?, filter: PlanExpr?, window: Interval?) {
        self.function = function
        self.event = event
        self.property = property
        self.filter = filter
        self.window = window
    }

    public var eventName: String { event?.name ?? "any" }

    /// Whether computing the feature reads event properties (its value or its filter).
    public var readsProperties: Bool { property != nil || filter != nil }

    /// The type of the computed value; count and sum are never null (zero for no events).
    public var type: TypeRef {
        switch function {
        case .count, .exists: return .int
        case .sum: return TypeRef(property?.type ?? .decimal)
        case .avg: return TypeRef(.decimal, nullable: true)
        case .min, .max: return TypeRef(property?.type ?? .decimal, nullable: true)
        case .first, .last: return TypeRef(property?.type ?? .timestamp, nullable: true)
        }
    }
}
