import Foundation
import HeraldChecker
import HeraldDiagnostics
import HeraldSource

/// Layouts compiled once for every campaign of a compilation that uses them.
///
/// A layout's render program, the HTML state at each of its slots and its AMP version depend on
/// the layout alone, yet a repository gives one layout to dozens of campaigns. Compiling it once
/// saves the context scan of 40-80 KB per campaign, and the campaigns' messages share the one
/// program's text instead of each holding a copy (which is what a bundle build keeps in memory).
/// Safe to use from every thread; an inline `html` body is compiled per campaign, as before.
public final class CompiledLayouts: @unchecked Sendable {
    /// One layout's program, with or without the preheader's slot.
    struct Layout {
        var html: [RenderNode]
        var diagnostics: DiagnosticBag
        var slotStates: [String: HTMLContextScanner]
    }

    private struct Key: Hashable {
        var span: Span
        var preheader: Bool
    }

    private let lock = NSLock()
    private var layouts: [Key: Layout] = [:]
    /// Layouts parsed for validation, with a placeholder for each slot.
    let skeletons = SkeletonCache()
    /// What validation learned of each skeleton.
    let verdicts = SkeletonVerdicts()
    private var ampDocuments: [Key: [RenderNode]] = [:]

    public init() {}

    /// The compiled body, from the cache when `shared` (a layout, not an inline body).
    func layout(_ body: CheckedTemplate, preheader: Bool, shared: Bool) -> Layout {
        let key = Key(span: body.span, preheader: preheader)
        if shared, let hit = lock.withLock({ layouts[key] }) { return hit }
        var builder = RenderProgramBuilder(html: true)
        let html = builder.build(body)
        // Blocks are compiled in the HTML context of their slot (which must be text).
        let layout = Layout(html: preheader ? PreheaderSlot.insert(into: html) : html, diagnostics: builder.diagnostics,
                            slotStates: SlotContexts.states(of: body))
        // Two threads may compile the same layout at once; both results are the same.
        if shared { lock.withLock { layouts[key] = layout } }
        return layout
    }

    /// The AMP version of a compiled body, from the cache when `shared`.
    func ampDocument(_ body: CheckedTemplate, preheader: Bool, html: [RenderNode], shared: Bool) -> [RenderNode] {
        let key = Key(span: body.span, preheader: preheader)
        if shared, let hit = lock.withLock({ ampDocuments[key] }) { return hit }
        let document = AMPGenerator.document(html)
        if shared { lock.withLock { ampDocuments[key] = document } }
        return document
    }
}
