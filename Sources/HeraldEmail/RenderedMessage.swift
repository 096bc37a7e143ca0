/// One recipient's email, every part rendered: what `herald preview` shows and what a send system
/// executing the bundle must produce for the same row.
public struct RenderedMessage: Sendable, Hashable {
    public var from: String
    public var subject: String
    public var preheader: String?
    public var html: String
    /// The campaign's own text part, or the text derived from `html` (`PlainText`).
    public var text: String
    /// The AMP part, for messages with `amp: true`.
    public var amp: String?
}

extension CompiledMessage {
    /// Arm names (empty without an experiment).
    public var armNames: [String] { variants.map(\.name) }

    /// Slots whose content is chosen per recipient, with their number of alternatives, for an arm.
    public func choiceSlots(variant: String?) -> [(name: String, alternatives: Int)] {
        slots.compactMap { s in
            let slot = self.slot(named: s.name, variant: variant) ?? s
            return slot.column == nil ? nil : (s.name, slot.alternatives.count)
        }
    }

    /// Renders every part for one recipient, in an arm (nil: no experiment, or the first arm's
    /// content for a holdout preview) with a choice of alternative per slot (default: the first).
    public func render(_ input: RenderInput, variant: String?, choices: [String: Int] = [:]) -> RenderedMessage {
        let arm = variants.first { $0.name == variant }
        let slotContent: (String) -> [RenderNode]? = { name in
            self.slot(named: name, variant: variant)?.content(choice: choices[name] ?? 0)
        }
        let html = Renderer.render(self.html, input: input, slot: slotContent)
        let text = self.text.map { Renderer.render($0, input: input) } ?? PlainText.derive(fromHTML: html)
        let amp = ampHTML.map { program in
            Renderer.render(program, input: input) { name in self.ampSlot(named: name, variant: variant)?.content(choice: choices[name] ?? 0) }
        }
        return RenderedMessage(
            from: arm?.from ?? from,
            subject: Renderer.render(arm?.subject ?? subject, input: input),
            preheader: preheader(variant: variant).map { Renderer.render($0, input: input) },
            html: html, text: text, amp: amp)
    }
}

/// One version of a message a recipient can receive: an arm and a choice of alternative per slot.
public struct MessageVersion: Sendable, Hashable {
    public var variant: String?
    public var choices: [String: Int]

    /// A file-name-safe label: `urgent`, `urgent.hero-1`, or `message` without arms and choices.
    public var label: String {
        let parts = [variant ?? (choices.isEmpty ? "message" : "base")] + choices.keys.sorted().map { "\($0)-\(choices[$0]!)" }
        return parts.joined(separator: ".")
    }
}

extension CompiledMessage {
    /// Above this many versions per arm, alternatives are varied one slot at a time instead of all together.
    public static let versionBudget = 64

    /// Every arm × alternative combination, or (past the budget) each alternative once per arm.
    public var versions: [MessageVersion] {
        let arms: [String?] = variants.isEmpty ? [nil] : variants.map(\.name)
        var out: [MessageVersion] = []
        for arm in arms {
            let choosing = choiceSlots(variant: arm)
            let total = choosing.reduce(1) { $0 * max(1, $1.alternatives) }
            if total <= CompiledMessage.versionBudget {
                var combos: [[String: Int]] = [[:]]
                for s in choosing {
                    combos = combos.flatMap { c in (0..<max(1, s.alternatives)).map { i in c.merging([s.name: i]) { $1 } } }
                }
                out += combos.map { MessageVersion(variant: arm, choices: $0) }
            } else {
                out.append(MessageVersion(variant: arm, choices: [:]))
                for s in choosing {
                    for i in 1..<max(1, s.alternatives) { out.append(MessageVersion(variant: arm, choices: [s.name: i])) }
                }
            }
        }
        return out
    }
}
