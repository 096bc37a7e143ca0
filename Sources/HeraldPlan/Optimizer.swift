import HeraldChecker

/// A small, named rewrite of one plan node. Rules are pure and local: the optimizer applies every
/// rule at every node, bottom-up, until nothing changes.
public protocol PlanRule: Sendable {
    /// The rule's name, as used by its fixture file (`Fixtures/plan/<name>.txt`).
    var name: String { get }
    /// The rewritten node, or nil when the rule does not apply here.
    func rewrite(_ node: PlanExpr, _ context: RuleContext) -> PlanExpr?
}

/// What rules may consult: the shared feature table (to intern rewritten features).
public struct RuleContext: Sendable {
    public let features: FeatureTable

    public init(features: FeatureTable) { self.features = features }
}

/// Runs rules to a fixed point, with a bound on passes so a rule bug cannot loop forever.
public struct Optimizer: Sendable {
    public let rules: [any PlanRule]
    public var maxPasses = 16

    public init(rules: [any PlanRule] = Optimizer.standardRules) { self.rules = rules }

    /// The rules in the order they run at each node.
    public static let standardRules: [any PlanRule] = [
        ExistsAsCount(), ConstantFolding(), DoubleNegation(), FlattenLogic(), RangeMerging(), Absorption(), Complement(),
    ]

    public func optimize(_ e: PlanExpr, context: RuleContext) -> PlanExpr {
        var current = e
        for _ in 0..<maxPasses {
            let next = pass(current, context)
            if next == current { break }
            current = next
        }
        return current
    }

    private func pass(_ e: PlanExpr, _ context: RuleContext) -> PlanExpr {
        let children = e.children
        var node = children.isEmpty ? e : e.with(children: children.map { pass($0, context) })
        var changed = true
        var guardCount = 0
        while changed && guardCount < 32 {
            changed = false
            guardCount += 1
            for rule in rules {
                if let r = rule.rewrite(node, context), r != node {
                    node = r
                    changed = true
                }
            }
        }
        return node
    }
}
