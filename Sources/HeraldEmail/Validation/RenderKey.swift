import HeraldChecker

/// What rendering one part of a version reads besides the message's programs: the arm when the
/// templates print it (the sample recipient of each arm differs only in `campaign.variant`),
/// whether the arm has a preheader, and for each slot the arm that overrides it and the
/// alternative chosen. Versions with one key render the same bytes from the same sources.
struct RenderKey: Hashable {
    var part: MessagePart
    var variant: String?
    var hasPreheader: Bool
    /// Per slot name (in `RenderKeys.names` order): the overriding arm, or nil, and the choice.
    var slots: [SlotSource]

    struct SlotSource: Hashable {
        var overriddenBy: String?
        var choice: Int
    }
}

/// The render keys of one message's versions.
struct RenderKeys {
    let message: CompiledMessage
    /// Every slot name of the message and of its arms, sorted.
    let names: [String]
    let readsVariant: Bool

    init(_ m: CompiledMessage) {
        message = m
        let slots = m.slots + m.ampSlots + m.variants.flatMap { $0.slots + $0.ampSlots }
        names = Set(slots.map(\.name)).sorted()
        // The AMP part is generated from the HTML part's programs and prints what they print.
        readsVariant = m.readsBuiltin(TemplateBuiltin.variantName.rawValue)
    }

    func key(_ v: MessageVersion, part: MessagePart) -> RenderKey {
        let arm = v.variant.flatMap { name in message.variants.first { $0.name == name } }
        let overridden = Set((part == .html ? arm?.slots : arm?.ampSlots)?.map(\.name) ?? [])
        return RenderKey(part: part, variant: readsVariant ? v.variant : nil, hasPreheader: message.preheader(variant: v.variant) != nil,
                         slots: names.map { RenderKey.SlotSource(overriddenBy: overridden.contains($0) ? v.variant : nil, choice: v.choices[$0] ?? 0) })
    }
}

