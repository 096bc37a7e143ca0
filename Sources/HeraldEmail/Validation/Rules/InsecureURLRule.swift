import Foundation
import HeraldSupport

/// Links and images use https (links may also be `mailto:`, `tel:` or a `#fragment`): plain http
/// is flagged by mailbox providers and blocked as mixed content, and relative URLs never resolve
/// in a mailbox.
enum InsecureURLRule {
    /// Attributes holding a URL, by element.
    static let urlAttributes: [(element: String, attribute: String, isLink: Bool)] = [
        ("a", "href", true), ("area", "href", true), ("img", "src", false), ("source", "src", false),
        ("table", "background", false), ("td", "background", false), ("body", "background", false), ("video", "poster", false),
    ]

    /// The table by element name, looked up for every element.
    static let byElement = ElementNameIndex(urlAttributes.map { ($0.element, (attribute: $0.attribute, isLink: $0.isLink)) })

    static let rule = HTMLRule(kind: .insecureURL, scope: .element) { doc in
        var out: [HTMLFinding] = []
        for e in doc.elements {
            guard let (attribute, isLink) = byElement[e.name], let raw = e.attribute(attribute) else { continue }
            // Nearly every URL is https, with nothing to trim before it.
            if raw.hasASCIIPrefixIgnoringCase("https://") { continue }
            if let problem = problem(raw.trimmed, isLink: isLink) {
                out.append(HTMLFinding(element: e, message: "The `\(attribute)` of `<\(e.name)>` \(problem).",
                                       help: "Use an absolute `https://` URL\(isLink ? " (or `mailto:` / `tel:`)" : "")."))
            }
        }
        return out
    }

    /// Why a URL is not acceptable, or nil.
    static func problem(_ url: String, isLink: Bool) -> String? {
        // Nearly every URL is https: answered from its bytes, without a lower-cased copy.
        if url.hasASCIIPrefixIgnoringCase("https://") { return nil }
        let lower = url.lowercased()
        if lower.isEmpty { return isLink ? nil : "is empty" }
        if lower.hasPrefix("https://") { return nil }
        if isLink && (lower.hasPrefix("mailto:") || lower.hasPrefix("tel:") || lower.hasPrefix("#")) { return nil }
        if lower.hasPrefix("http://") { return "uses plain `http`: `\(url.prefix(80))`" }
        if let scheme = URLScheme.of(lower) { return "uses the scheme `\(scheme)`, which email does not allow" }
        return "is relative (`\(url.prefix(80))`), which never resolves in a mailbox"
    }
}
