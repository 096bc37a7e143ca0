import HeraldChecker
import HeraldSchema
import HeraldSource

/// The email phase's output for one campaign: render programs for every part, slot and variant,
/// the headers send systems add, and what the audience row must provide.
public struct CompiledMessage: Sendable {
    public var campaign: String
    public var kind: CampaignKind
    public var from: String
    public var replyTo: String?
    public var subject: [RenderNode]
    public var preheader: [RenderNode]?
    public var html: [RenderNode]
    /// The plain-text part: the campaign's own `text`, or derived from the HTML.
    public var text: [RenderNode]?
    public var slots: [CompiledSlot]
    public var variants: [CompiledVariant]
    public var amp: Bool
    /// The AMP part (`amp: true`): generated from the HTML part's program, with its own slot contents.
    public var ampHTML: [RenderNode]?
    public var ampSlots: [CompiledSlot] = []
    /// Customer fields the templates read (audience query columns).
    public var fields: [String]
    public var relations: [String]
    public var postalAddress: String?
    /// The compiled layout `html` and `ampHTML` come from, when it is shared: messages with the
    /// same one have the same programs, so a writer may write them once. Nil for an inline body.
    public var sharedLayout: SharedLayout?

    /// The preheader an arm shows: its own, or the message's.
    public func preheader(variant: String?) -> [RenderNode]? {
        if let v = variant, let p = variants.first(where: { $0.name == v })?.preheader { return p }
        return preheader
    }

    /// Every render program of the HTML part: the body and every slot of every arm.
    var htmlPrograms: [[RenderNode]] {
        [html] + (slots + variants.flatMap(\.slots)).flatMap { s in s.alternatives + (s.loop.map { [[.loop($0)]] } ?? []) }
    }

    /// Whether the HTML part prints a builtin such as `unsubscribe_url`.
    func readsBuiltin(_ name: String) -> Bool {
        htmlPrograms.contains { RenderNode.contains($0) { v in v == .builtin(name) } }
    }

    /// The most rows a loop of the message shows (10 for unbounded loops, 3 when there is none): the
    /// sample relation size for validation and size estimates.
    var largestLoop: Int {
        var most = 3
        for s in slots + variants.flatMap(\.slots) {
            guard let l = s.loop else { continue }
            if case .literal(.int(let n))? = l.limit { most = max(most, Int(n)) } else { most = max(most, 10) }
        }
        return most
    }

    public func slot(named name: String, variant: String?) -> CompiledSlot? {
        if let v = variant, let s = variants.first(where: { $0.name == v })?.slots.first(where: { $0.name == name }) { return s }
        return slots.first { $0.name == name }
    }

    /// A slot's content in the AMP part.
    public func ampSlot(named name: String, variant: String?) -> CompiledSlot? {
        if let v = variant, let s = variants.first(where: { $0.name == v })?.ampSlots.first(where: { $0.name == name }) { return s }
        return ampSlots.first { $0.name == name }
    }
}

/// The content of a slot: alternatives chosen by the audience query's block column, or a loop.
public struct CompiledSlot: Sendable, Hashable {
    public var name: String
    /// The audience column holding the chosen alternative's index (`herald_block_<slot>`), if any.
    public var column: String?
    public var alternatives: [[RenderNode]]
    public var loop: RenderLoop?

    /// The nodes for a recipient whose block column holds `choice`.
    public func content(choice: Int?) -> [RenderNode]? {
        if let loop { return [.loop(loop)] }
        if column == nil { return alternatives.first }
        guard let choice, choice >= 0, choice < alternatives.count else { return nil }
        return alternatives[choice]
    }
}

public struct CompiledVariant: Sendable, Hashable {
    public var name: String
    public var weight: Int
    public var subject: [RenderNode]?
    public var preheader: [RenderNode]?
    public var from: String?
    public var slots: [CompiledSlot]
    public var ampSlots: [CompiledSlot] = []
}

/// A compiled layout shared by the campaigns of a compilation: its file's span, and whether the
/// preheader's slot is in its program.
public struct SharedLayout: Hashable, Sendable {
    public var span: Span
    public var preheader: Bool
}
