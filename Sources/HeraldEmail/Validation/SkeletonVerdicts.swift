import Foundation

/// The two parts of a message that are rendered and validated.
enum MessagePart: Hashable, Sendable { case html, amp }

/// What the rules say of a skeleton (a version's text around its slots, parsed with a
/// placeholder for each slot), learned once and then true of every version spliced into it.
struct SkeletonVerdict: Sendable {
    /// The element rules find nothing in the skeleton but on its placeholders: its elements
    /// outside the slots' branches pass them in every version, so a version spliced into it is
    /// checked by them only on the elements its splice changed.
    var elementRulesPass: Bool
    /// Per rule of the part's table: true for a document rule that passes in every version
    /// spliced into the skeleton, whatever fills its slots.
    var documentRulesPass: [Bool]
    /// Whether a version spliced into the skeleton needs its tree: no when the element rules
    /// read only its changes and every document rule passes it already (text rules read text).
    var needsTree = true

    /// The HTML part's verdict, for documents with these facts.
    static func html(_ skeleton: HTMLElement, isMarketing: Bool, hasPreheader: Bool, unsubscribeURL: String?) -> SkeletonVerdict {
        let doc = RenderedDocument(skeleton: skeleton, isMarketing: isMarketing, hasPreheader: hasPreheader, unsubscribeURL: unsubscribeURL)
        var verdict = SkeletonVerdict(
            elementRulesPass: HTMLRules.all.allSatisfy { $0.scope != .element || onlyPlaceholders($0.check(doc)) },
            documentRulesPass: HTMLRules.all.map { $0.scope == .document && ($0.passesEveryVersion?(doc) ?? false) })
        verdict.needsTree = !verdict.elementRulesPass || zip(HTMLRules.all, verdict.documentRulesPass).contains { $0.scope == .document && !$1 }
        return verdict
    }

    /// The AMP part's verdict; its document rules are always run.
    static func amp(_ skeleton: HTMLElement, source: AMPSource, original: [UInt8]) -> SkeletonVerdict {
        let doc = AMPDocument(source: source, parsed: HTMLParseResult(root: skeleton, problems: []), original: original)
        return SkeletonVerdict(elementRulesPass: AMPRules.all.allSatisfy { $0.scope != .element || onlyPlaceholders($0.check(doc)) },
                               documentRulesPass: AMPRules.all.map { _ in false })
    }

    /// Findings about placeholders say nothing of a version (AMP allows no unknown element). A
    /// finding elsewhere, even on an element above a slot, makes the verdict fail: such an
    /// element is checked in every version anyway, and failing costs only time.
    private static func onlyPlaceholders(_ findings: [HTMLFinding]) -> Bool {
        findings.allSatisfy { $0.element?.name == SlotSplicingParser.placeholder }
    }
}

/// The verdicts of a compilation's skeletons, by skeleton, part and the document facts the rules
/// read (the same skeleton serves campaigns of different kinds). Safe to use from every thread.
final class SkeletonVerdicts: @unchecked Sendable {
    struct Key: Hashable {
        var skeleton: Int
        var part: MessagePart
        var facts: [String]
    }

    private let lock = NSLock()
    private var verdicts: [Key: SkeletonVerdict] = [:]

    init() {}

    /// The verdict for `key`, from `evaluate` the first time. Two threads may evaluate the same
    /// one at once; both results are the same.
    func verdict(_ key: Key, evaluate: () -> SkeletonVerdict) -> SkeletonVerdict {
        if let known = lock.withLock({ verdicts[key] }) { return known }
        let found = evaluate()
        lock.withLock { verdicts[key] = found }
        return found
    }
}
