/// Only the HTML elements and AMP components AMP for Email lists: no `<img>` (use `<amp-img>`),
/// no frames, media, SVG, `<link>` or web-only AMP components.
enum AMPElementRule {
    static let replacements: [String: String] = [
        "img": "Use `<amp-img>` with `width`, `height` and `layout`.", "picture": "Use `<amp-img>`.",
        "link": "AMP for Email allows no external stylesheets or fonts; put CSS in `<style amp-custom>`.",
        "iframe": "Link to a web page instead.", "video": "Link to a web page instead.", "audio": "Link to a web page instead.",
    ]

    static let rule = AMPRule(kind: .ampInvalid, scope: .element) { doc in
        doc.elements.compactMap { e in
            if AMPCatalog.htmlElements.contains(e.name) || AMPCatalog.builtIns.contains(e.name) { return nil }
            if e.name.hasPrefix("amp-"), AMPCatalog.extensionOf(e).map({ AMPCatalog.extensions[$0] != nil || $0 == "amp-bind" }) == true {
                return nil
            }
            return HTMLFinding(element: e, message: "AMP for Email does not allow `<\(e.name)>`.", help: replacements[e.name])
        }
    }
}
