import HeraldChecker
import HeraldSchema

/// `exists(E)` becomes `count(E) >= 1`, so that `exists` and `count` of the same events share one
/// feature and range merging sees them as one subject.
public struct ExistsAsCount: PlanRule {
    public let name = "exists-as-count"

    public init() {}

    public func rewrite(_ node: PlanExpr, _ context: RuleContext) -> PlanExpr? {
        guard case .feature(let id) = node, context.features[id].function == .exists else { return nil }
        var f = context.features[id]
        f.function = .count
        return .compare(.greaterOrEqual, .feature(context.features.intern(f)), .constant(.int(1)))
    }
}
