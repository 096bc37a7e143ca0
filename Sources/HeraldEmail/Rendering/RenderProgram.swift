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
