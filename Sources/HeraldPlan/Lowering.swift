import HeraldChecker
import HeraldSchema

/// Lowers a typed expression to the plan: segments are inlined and aggregates become features.
public struct Lowering {
    public let features: FeatureTable

    public init(features: FeatureTable) { self.features = features }

    public func lower(_ e: TypedExpr) -> PlanExpr {
        switch e.kind {
        case .literal(let v): return .constant(v)
        case .asOf: return .asOf
        case .field(let f): return .column(f)
        case .eventProperty(let f): return .eventProperty(f)
        case .segment(_, let rule): return lower(rule)
        case .aggregate(let a):
            let f = Feature(function: a.function, event: a.event, property: a.property, filter: a.filter.map(lower), window: a.window)
            return .feature(features.intern(f))
        case .not(let x): return .not(lower(x))
        case .and(let xs): return .and(xs.map(lower))
        case .or(let xs): return .or(xs.map(lower))
        case .compare(let op, let a, let b): return .compare(op, lower(a), lower(b))
        case .arithmetic(let op, let a, let b): return .arithmetic(op, lower(a), lower(b), e.type)
        case .negate(let x): return .negate(lower(x))
        case .coalesce(let a, let b): return .coalesce(lower(a), lower(b))
        case .isNull(let x, let n): return .isNull(lower(x), negated: n)
        case .inList(let x, let v, let n): return .inList(lower(x), v, negated: n)
        case .contains(let a, let b): return .contains(lower(a), lower(b))
        case .startsWith(let a, let b): return .startsWith(lower(a), lower(b))
        case .function(let f, let args): return .function(f, args.map(lower))
        case .rank(let k, let x): return .rank(k, lower(x))
        }
    }
}
