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

    /// Whether a link with text to the URL sits below `root` (or is it), with no hidden element
    /// on the way. Only the elements on the path to such a link have their CSS read: reading it
    /// on every element cost as much as the rest of the walk.
    static func hasVisibleLink(_ root: HTMLElement, to url: String) -> Bool {
        var path = AncestorPath()
        return visit(root, url, &path)
    }

    private static func visit(_ e: HTMLElement, _ url: String, _ path: inout AncestorPath) -> Bool {
        path.push(e)
        defer { path.pop() }
        if e.name == "a", e.attribute("href") == url, !e.textContent.isBlank, !path.anyHidden() { return true }
        for case .element(let child) in e.children where visit(child, url, &path) { return true }
        return false
    }

    /// The elements from the root to the one being visited, each asked at most once whether it
    /// hides what is below it.
    private struct AncestorPath {
        var elements: [HTMLElement] = []
        var hidden: [Bool?] = []

        mutating func push(_ e: HTMLElement) {
            elements.append(e)
            hidden.append(nil)
        }

        mutating func pop() {
            elements.removeLast()
            hidden.removeLast()
        }

        mutating func anyHidden() -> Bool {
            for i in elements.indices {
                if hidden[i] == nil { hidden[i] = CSSText.hides(elements[i]) }
                if hidden[i] == true { return true }
            }
            return false
        }
    }
}
