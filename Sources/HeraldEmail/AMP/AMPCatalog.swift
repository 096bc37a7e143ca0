/// What AMP for Email allows, from the AMP validator's AMP4EMAIL rules (see
/// `email-rules.md` §1.2-1.6 for the rule-file lines): elements, components and their versions.
enum AMPCatalog {
    /// HTML elements with an AMP4EMAIL tag spec.
    static let htmlElements: Set<String> = [
        "a", "abbr", "address", "article", "aside", "b", "bdo", "blockquote", "body", "br", "button", "caption", "cite", "code",
        "col", "colgroup", "data", "datalist", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "fieldset", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "i", "input", "ins", "kbd",
        "label", "legend", "li", "main", "mark", "meta", "meter", "nav", "ol", "optgroup", "option", "output", "p", "pre",
        "progress", "q", "rb", "rp", "rt", "ruby", "s", "samp", "script", "section", "select", "small", "span", "strong", "style",
        "sub", "summary", "sup", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr",
        "u", "ul", "var", "wbr",
    ]

    /// Built-in AMP elements (no extension script).
    static let builtIns: Set<String> = ["amp-img", "amp-layout"]

    /// Extensions allowed in email and their allowed versions (never `latest`, except where deprecated).
    static let extensions: [String: Set<String>] = [
        "amp-accordion": ["0.1"], "amp-anim": ["0.1"], "amp-autocomplete": ["0.1"], "amp-bind": ["0.1"],
        "amp-carousel": ["0.1", "0.2"], "amp-fit-text": ["0.1"], "amp-form": ["0.1"], "amp-image-lightbox": ["0.1", "latest"],
        "amp-lightbox": ["0.1", "latest"], "amp-list": ["0.1"], "amp-mustache": ["0.1", "0.2"], "amp-selector": ["0.1"],
        "amp-sidebar": ["0.1"], "amp-timeago": ["0.1"],
    ]

    static let deprecated: [String: String] = [
        "amp-image-lightbox": "cannot be positioned properly in email and will soon be invalid",
        "amp-lightbox": "cannot be positioned properly in email and will soon be invalid",
    ]

    /// The extension an element needs, for elements that need one.
    static func extensionOf(_ element: HTMLElement) -> String? {
        switch element.name {
        case "amp-state", "amp-bind-macro": return "amp-bind"
        case "form": return "amp-form"
        case "template": return element.attribute("type") == "amp-mustache" ? "amp-mustache" : nil
        case let n where n.hasPrefix("amp-") && !builtIns.contains(n): return n
        default: return nil
        }
    }

    static let runtimeURL = "https://cdn.ampproject.org/v0.js"
}
