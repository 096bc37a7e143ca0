import Foundation
import HeraldSupport

/// Marketing mail shows a visible unsubscribe link in every version a recipient can receive: a
/// link to the recipient's unsubscribe URL, with text, not hidden by `display: none`.
enum VisibleUnsubscribeRule {
    static let rule = HTMLRule(kind: .missingUnsubscribe) { doc in
        guard doc.isMarketing, let url = doc.unsubscribeURL, let root = doc.root else { return [] }
        if hasVisibleLink(root, to: url) { return [] }
        // Point at a hidden link when there is one; otherwise the whole body lacks it.
        let link = doc.elements.first { $0.name == "a" && $0.attribute("href") == url }
        return [HTMLFinding(element: link, message: "A version of this marketing email has no visible unsubscribe link.",
                            help: "Show `<a href=\"{{ unsubscribe_url }}\">Unsubscribe</a>` in every arm and block alternative, outside hidden elements.")]
    }

    /// Whether a link with text to the URL sits below `e`, with no hidden element on the way.
    static func hasVisibleLink(_ e: HTMLElement, to url: String) -> Bool {
        if CSSText.hides(e) { return false }
        if e.name == "a", e.attribute("href") == url, !e.textContent.isBlank { return true }
        for case .element(let child) in e.children where hasVisibleLink(child, to: url) { return true }
        return false
    }
}
