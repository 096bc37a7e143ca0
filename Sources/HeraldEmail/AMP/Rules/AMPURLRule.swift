import Foundation
import HeraldSupport

/// URLs in AMP for Email: links absolute with http, https, mailto or tel; image, list and form
/// endpoints absolute https; mustache only as a whole value, and never in fetch endpoints.
enum AMPURLRule {
    /// Mustache is allowed only as the whole value (`{{url}}`), never inside it.
    static func mustacheProblem(_ url: String) -> Bool {
        let found = mustache(in: url)
        guard found.any else { return false }
        return !(url.hasPrefix("{{") && url.hasSuffix("}}")) || found.section
    }

    /// Whether the URL has `{{` or `}}`, and whether a `{{#`, `{{/` or `{{^` section tag, in one
    /// pass over its bytes (Foundation's `contains` bridges every call through `NSString`).
    static func mustache(in url: String) -> (any: Bool, section: Bool) {
        var any = false, section = false
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for b in url.utf8 {
            if previous == b && (b == 0x7B || b == 0x7D) { any = true }
            if beforePrevious == 0x7B && previous == 0x7B && (b == 0x23 || b == 0x2F || b == 0x5E) { section = true }
            beforePrevious = previous
            previous = b
        }
        return (any, section)
    }

    static let rule = AMPRule(kind: .ampInvalid, scope: .element) { doc in
        var out: [HTMLFinding] = []
        for e in doc.elements {
            if e.name == "a", let href = e.attribute("href")?.trimmedOfSpaces {
                if mustacheProblem(href) {
                    out.append(HTMLFinding(element: e, message: "A link's `href` may be a mustache variable only as a whole value."))
                } else if !(href.hasPrefix("{{")), !["http", "https", "mailto", "tel"].contains(URLScheme.of(href) ?? "") {
                    out.append(HTMLFinding(element: e, message: URLScheme.of(href).map { "AMP for Email does not allow `\($0):` links." }
                                           ?? "AMP for Email does not allow relative links (`\(href.prefix(60))`)."))
                }
            }
            let endpoint: (String, Bool)? = switch e.name {
            case "amp-img", "amp-anim": ("src", true)
            case "amp-list", "amp-autocomplete": ("src", false)
            case "form": e.has("action-xhr") || e.attribute("method")?.lowercased() == "post" ? ("action-xhr", false) : nil
            default: nil
            }
            guard let (attribute, mustacheAllowed) = endpoint else { continue }
            guard let url = e.attribute(attribute)?.trimmedOfSpaces else {
                out.append(HTMLFinding(element: e, message: "`<\(e.name)>` needs a `\(attribute)`."))
                continue
            }
            if mustacheAllowed ? mustacheProblem(url) : mustache(in: url).any {
                out.append(HTMLFinding(element: e, message: "The `\(attribute)` of `<\(e.name)>` may not contain mustache\(mustacheAllowed ? " except as a whole value" : "")."))
            } else if !url.hasPrefix("{{"), URLScheme.of(url) != "https" {
                out.append(HTMLFinding(element: e, message: "The `\(attribute)` of `<\(e.name)>` must be an absolute `https` URL."))
            }
        }
        return out
    }
}
