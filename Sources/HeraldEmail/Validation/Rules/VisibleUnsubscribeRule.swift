import Foundation
import HeraldSupport

/// Marketing mail shows a visible unsubscribe link in every version a recipient can receive: a
/// link to the recipient's unsubscribe URL, with text, not hidden by `display: none`.
enum VisibleUnsubscribeRule {
    static let rule = HTMLRule(kind: .missingUnsubscribe, scope: .document) { doc in
        guard doc.isMarketing, let url = doc.unsubscribeURL, doc.root != nil else { return [] }
        if hasVisibleLink(doc, to: url) { return [] }
        // Point at a hidden link when there is one; otherwise the whole body lacks it.
        let link = doc.elements.first { $0.name == "a" && $0.attribute("href") == url }
        return [HTMLFinding(element: link, message: "A version of this marketing email has no visible unsubscribe link.",
                            help: "Show `<a href=\"{{ unsubscribe_url }}\">Unsubscribe</a>` in every arm and block alternative, outside hidden elements.")]
    }

    /// Whether a link with text to the URL is in the document with no hidden element on the way
    /// from the root. The links are found in the flat element list; only for those are the
    /// element and its ancestors (walking back to the nearest element one level up, each time)
    /// asked whether they hide it: reading CSS on every element cost as much as the rest of the walk.
    static func hasVisibleLink(_ doc: RenderedDocument, to url: String) -> Bool {
        for (k, e) in doc.elements.enumerated() where e.name == "a" && e.attribute("href") == url && !e.textContent.isBlank {
            var i = k
            while !CSSText.hides(doc.elements[i]) {
                let depth = doc.depths[i]
                if depth == 0 { return true }
                repeat { i -= 1 } while doc.depths[i] >= depth
            }
        }
        return false
    }
}
