import Foundation
import HeraldSupport

/// Marketing mail shows a visible unsubscribe link in every version a recipient can receive: a
/// link to the recipient's unsubscribe URL, with text, not hidden by `display: none`.
enum VisibleUnsubscribeRule {
    /// A skeleton with a visible link gives every version one: what fills a slot only adds text
    /// inside the elements open at its place, never an attribute that could hide them.
    static let rule = HTMLRule(kind: .missingUnsubscribe, scope: .document, passesEveryVersion: { skeleton in
        guard skeleton.isMarketing, let url = skeleton.unsubscribeURL, let root = skeleton.root else { return true }
        return hasVisibleLink(below: root, to: url)
    }) { doc in
        guard doc.isMarketing, let url = doc.unsubscribeURL, let root = doc.root else { return [] }
        if hasVisibleLink(below: root, to: url) { return [] }
        // Point at a hidden link when there is one; otherwise the whole body lacks it.
        let link = doc.elements.first { $0.name == "a" && $0.attribute("href") == url }
        return [HTMLFinding(element: link, message: "A version of this marketing email has no visible unsubscribe link.",
                            help: "Show `<a href=\"{{ unsubscribe_url }}\">Unsubscribe</a>` in every arm and block alternative, outside hidden elements.")]
    }

    /// Whether a link with text to the URL is in the tree with no hidden element on the way from
    /// the root. The tree is walked, not listed: a version checked on its splice's changes has
    /// no list of its elements, and listing them cost more than this walk (which also stops at
    /// the first such link). Only a matching link and the elements open above it are asked
    /// whether they hide it: reading CSS on every element cost as much as the rest of the walk.
    static func hasVisibleLink(below root: HTMLElement, to url: String) -> Bool {
        // The elements open on the way down, each with the next of its children to visit.
        var open: [(element: HTMLElement, next: Int)] = [(root, 0)]
        while let top = open.indices.last {
            let i = open[top].next
            guard i < open[top].element.children.count else {
                open.removeLast()
                continue
            }
            open[top].next = i + 1
            guard case .element(let e) = open[top].element.children[i] else { continue }
            if e.name == "a", e.attribute("href") == url, !e.textContent.isBlank, !CSSText.hides(e),
               !open.contains(where: { CSSText.hides($0.element) }) {
                return true
            }
            if !e.children.isEmpty { open.append((e, 0)) }
        }
        return false
    }
}
