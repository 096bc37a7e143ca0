/// A generated expression as a tree, so that a failing case can be shrunk: the text is the parts
/// interleaved with the children's texts.
public struct GenExpr: Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case bool, int, decimal, timestamp, string
    }

    public var kind: Kind
    public var parts: [String]
    public var children: [GenExpr]

    public init(_ kind: Kind, _ parts: [String], _ children: [GenExpr] = []) {
        precondition(parts.count == children.count + 1)
        self.kind = kind
        self.parts = parts
        self.children = children
    }

    public static func leaf(_ kind: Kind, _ text: String) -> GenExpr { GenExpr(kind, [text]) }

    public var description: String {
        var s = parts[0]
        for (i, c) in children.enumerated() { s += c.description + parts[i + 1] }
        return s
    }

    public var size: Int { 1 + children.reduce(0) { $0 + $1.size } }

    /// The simplest expression of a kind, used when shrinking.
    static func simplest(_ kind: Kind) -> GenExpr {
        switch kind {
        case .bool: return .leaf(.bool, "true")
        case .int: return .leaf(.int, "1")
        case .decimal: return .leaf(.decimal, "1.5")
        case .timestamp: return .leaf(.timestamp, "as_of")
        case .string: return .leaf(.string, "\"x\"")
        }
    }

    /// Smaller expressions of the same kind: a child standing in for its parent, a simplest leaf,
    /// or one child shrunk.
    public var shrinkCandidates: [GenExpr] {
        var out: [GenExpr] = []
        for c in children where c.kind == kind { out.append(c) }
        if children.count > 0 || description != GenExpr.simplest(kind).description { out.append(GenExpr.simplest(kind)) }
        for (i, c) in children.enumerated() {
            for smaller in c.shrinkCandidates {
                var copy = self
                copy.children[i] = smaller
                out.append(copy)
            }
        }
        return out
    }
}
