import HeraldSchema
import HeraldSource
import HeraldSyntax

/// A template whose every variable is resolved and every filter typed: what the email phase turns
/// into a render program and what previews render.
public struct CheckedTemplate: Sendable {
    public var nodes: [CheckedNode]
    public var span: Span

    public init(nodes: [CheckedNode], span: Span) {
        self.nodes = nodes
        self.span = span
    }

    public static func literal(_ text: String, span: Span) -> CheckedTemplate {
        CheckedTemplate(nodes: [.text(text, span)], span: span)
    }
}

public indirect enum CheckedNode: Sendable {
    case text(String, Span)
    case output(CheckedOutput)
    case conditional(CheckedConditional)
    case caseOf(CheckedCase)
    case loop(CheckedLoop)
    case assign(String, CheckedOutput, Span)
    /// `{{ blocks.NAME }}` in a layout: where a block's chosen alternative goes.
    case slot(String, Span)
}

/// `{{ value | filters }}` with its resulting type.
public struct CheckedOutput: Sendable {
    public var value: TemplateValue
    public var filters: [CheckedFilter]
    public var type: TypeRef
    public var span: Span
}

public struct CheckedFilter: Sendable {
    public var filter: TemplateFilter
    public var arguments: [TemplateValue]
    public var span: Span
}

public struct CheckedConditional: Sendable {
    public var negated: Bool
    public var branches: [(condition: TemplateValue, body: [CheckedNode])]
    public var elseBody: [CheckedNode]?
    public var span: Span
}

public struct CheckedCase: Sendable {
    public var subject: TemplateValue
    public var whens: [(values: [TemplateValue], body: [CheckedNode])]
    public var elseBody: [CheckedNode]?
    public var span: Span
}

/// A loop over a relation's rows (in the relation's order) or over a list field.
public struct CheckedLoop: Sendable {
    public enum Source: Sendable {
        case relation(RelationModel)
        case list(TemplateValue, element: ValueType)
        case range(TemplateValue)
    }

    public var variable: String
    public var source: Source
    public var limit: TemplateValue?
    public var offset: TemplateValue?
    public var reversed: Bool
    public var body: [CheckedNode]
    public var elseBody: [CheckedNode]?
    public var span: Span
}

/// A typed Liquid value.
public indirect enum TemplateValue: Sendable {
    case literal(Value)
    /// Liquid's `empty` and `blank` comparison values.
    case empty
    case blank
    case variable(TemplateVariable, Span)
    case range(TemplateValue, TemplateValue)
    case comparison(LiquidComparison, TemplateValue, TemplateValue)
    /// Right-to-left as Shopify evaluates it.
    case logical(isAnd: Bool, TemplateValue, TemplateValue)
}

/// What a template variable refers to.
public enum TemplateVariable: Sendable, Hashable {
    case customerField(Field)
    /// `rec.name` inside `for rec in customer.recommendations`.
    case relationField(variable: String, relation: String, field: Field)
    /// An element of a list field, or an `assign`ed value.
    case local(String)
    /// `forloop.index` and friends.
    case forloop(String)
    case builtin(TemplateBuiltin)
}

/// Values every template can read; the send system supplies the per-recipient ones.
public enum TemplateBuiltin: String, Sendable, Hashable, CaseIterable {
    /// The recipient's one-click unsubscribe URL (RFC 8058), supplied by the send system.
    case unsubscribeURL = "unsubscribe_url"
    /// The sender's postal address from `herald.yaml` or the campaign (CAN-SPAM).
    case postalAddress = "postal_address"
    case campaignName = "campaign.name"
    case variantName = "campaign.variant"

    public var type: TypeRef {
        switch self {
        case .unsubscribeURL: return TypeRef(.url)
        default: return TypeRef(.string)
        }
    }
}
