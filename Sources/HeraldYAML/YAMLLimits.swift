/// Bounds that keep hostile YAML from exhausting time or memory.
public struct YAMLLimits: Sendable, Hashable {
    /// Nodes a document may expand to, counting every alias expansion.
    public var maxNodes: Int
    /// Mappings and lists nested inside one another.
    public var maxDepth: Int
    /// Bytes in one scalar.
    public var maxScalarBytes: Int

    public init(maxNodes: Int = 100_000, maxDepth: Int = 64, maxScalarBytes: Int = 1 << 20) {
        self.maxNodes = maxNodes
        self.maxDepth = maxDepth
        self.maxScalarBytes = maxScalarBytes
    }

    public static let standard = YAMLLimits()
}
