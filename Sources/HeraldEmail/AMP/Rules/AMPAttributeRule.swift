/// Attributes AMP for Email refuses: script handlers, `nonce`, what `<a>` and `<form>` may not
/// carry in email, `srcset` on images, and the input types that are not allowed.
enum AMPAttributeRule {
    /// Attributes every element may have (besides `data-*` and `aria-*`).
    static let global: Set<String> = [
        "id", "class", "style", "title", "dir", "lang", "hidden", "on", "role", "tabindex", "translate", "itemid", "itemprop",
        "itemref", "itemscope", "itemtype", "accesskey", "draggable", "autocapitalize",
    ]
    static let anchor: Set<String> = ["border", "href", "hreflang", "media", "rel", "target", "type"]

    static let rule = AMPRule(kind: .ampInvalid, scope: .element) { doc in
        var out: [HTMLFinding] = []
        for e in doc.elements {
            for a in e.attributes {
                if EventHandlerRule.isHandler(a.name) {
                    out.append(HTMLFinding(element: e, message: "AMP for Email does not allow the script handler `\(a.name)`.",
                                           help: "Use the `on` attribute with AMP actions, such as `on=\"tap:…\"`."))
                } else if a.name == "nonce" {
                    out.append(HTMLFinding(element: e, message: "AMP for Email does not allow `nonce` on `<\(e.name)>`."))
                } else if e.name == "a", !global.contains(a.name), !anchor.contains(a.name), !a.name.hasPrefix("data-"), !a.name.hasPrefix("aria-") {
                    out.append(HTMLFinding(element: e, message: "AMP for Email does not allow `\(a.name)` on `<a>`."))
                }
            }
            if e.name == "a", let t = e.attribute("target"), t != "_blank" {
                out.append(HTMLFinding(element: e, message: "In AMP for Email, a link's `target` can only be `_blank`, not `\(t)`."))
            }
            if e.name == "amp-img" || e.name == "amp-anim", e.has("srcset") {
                out.append(HTMLFinding(element: e, message: "AMP for Email does not allow `srcset` on `<\(e.name)>`."))
            }
            if e.name == "form", e.has("action") || e.has("target") || e.has("name") || e.has("verify-xhr") {
                out.append(HTMLFinding(element: e, message: "An AMP email form submits with `action-xhr` only: `action`, `target`, `name` and `verify-xhr` are not allowed."))
            }
            if e.name == "input", let t = e.attribute("type")?.lowercased(), ["file", "image", "password"].contains(t) {
                out.append(HTMLFinding(element: e, message: "AMP for Email does not allow inputs of type `\(t)`."))
            }
        }
        return out
    }
}
