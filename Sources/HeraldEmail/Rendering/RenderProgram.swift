import HeraldChecker
import HeraldSchema
import HeraldSource
import HeraldSyntax

/// A template compiled for rendering anywhere: nodes with the escaping of every output decided,
/// variables named as the audience query's columns name them. The bundle carries it as JSON
/// (`docs/bundle-format.md`); `Renderer` is the reference implementation.
public indirect enum RenderNode: Sendable, Hashable {
    /// Literal text and where it came from (for mapping validation errors back to the file).
    case text(String, Span?)
    case output(RenderOutput)
    case conditional(branches: [RenderBranch], elseBody: [RenderNode]?)
    case caseOf(subject: RenderValue, whens: [RenderWhen], elseBody: [RenderNode]?)
    case loop(RenderLoop)
    case assign(String, RenderOutput)
    /// Where a slot's chosen block is rendered (layouts).
    case slot(String)
}

public struct RenderOutput: Sendable, Hashable {
    public var value: RenderValue
    public var filters: [RenderFilter]
    public var escape: EscapeMode
}

public struct RenderFilter: Sendable, Hashable {
    public var name: String
    public var arguments: [RenderValue]
}

public struct RenderBranch: Sendable, Hashable {
    public var condition: RenderValue
    /// `unless`: the branch is taken when the condition is falsy.
    public var negated: Bool
    public var body: [RenderNode]
}

public struct RenderWhen: Sendable, Hashable {
    public var values: [RenderValue]
    public var body: [RenderNode]
}

public struct RenderLoop: Sendable, Hashable {
    public var variable: String
    /// A relation name (its rows come with the recipient), or a value that is a list or range.
    public var relation: String?
    public var collection: RenderValue?
    public var limit: RenderValue?
    public var offset: RenderValue?
    public var reversed: Bool
    public var body: [RenderNode]
    public var elseBody: [RenderNode]?
}

/// A value in a render program.
public indirect enum RenderValue: Sendable, Hashable {
    case literal(Value)
    case empty
    case blank
    /// A column of the recipient's audience row (a customer field).
    case field(String)
    /// A field of the current row of a relation loop.
    case rowField(variable: String, field: String)
    case local(String)
    case forloop(String)
    case builtin(String)
    case range(RenderValue, RenderValue)
    case comparison(String, RenderValue, RenderValue)
    case logical(isAnd: Bool, RenderValue, RenderValue)
}

extension RenderNode {
    /// Whether any value in the nodes (outputs, conditions, loops, filter arguments) satisfies `test`.
    static func contains(_ nodes: [RenderNode], where test: (RenderValue) -> Bool) -> Bool {
        func value(_ v: RenderValue?) -> Bool {
            guard let v else { return false }
            if test(v) { return true }
            switch v {
            case .range(let a, let b), .comparison(_, let a, let b), .logical(_, let a, let b): return value(a) || value(b)
            default: return false
            }
        }
        func output(_ o: RenderOutput) -> Bool { value(o.value) || o.filters.contains { $0.arguments.contains(where: value) } }
        func walk(_ ns: [RenderNode]) -> Bool {
            ns.contains { n in
                switch n {
                case .text, .slot: return false
                case .output(let o), .assign(_, let o): return output(o)
                case .conditional(let branches, let elseBody):
                    return branches.contains { value($0.condition) || walk($0.body) } || walk(elseBody ?? [])
                case .caseOf(let subject, let whens, let elseBody):
                    return value(subject) || whens.contains { $0.values.contains(where: value) || walk($0.body) } || walk(elseBody ?? [])
                case .loop(let l):
                    return value(l.collection) || value(l.limit) || value(l.offset) || walk(l.body) || walk(l.elseBody ?? [])
                }
            }
        }
        return walk(nodes)
    }
}
