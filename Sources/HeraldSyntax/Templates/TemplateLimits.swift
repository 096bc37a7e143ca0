/// Bounds on one template so that hostile markup cannot exhaust the stack or memory.
public struct TemplateLimits: Sendable, Hashable {
    /// Tags nested inside one another (`if` in `for` in `case` ...).
    public var maxDepth: Int
    /// Outputs and tags in one template.
    public var maxNodes: Int

    public init(maxDepth: Int = 32, maxNodes: Int = 20_000) {
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
    }

    public static let standard = TemplateLimits()
}
