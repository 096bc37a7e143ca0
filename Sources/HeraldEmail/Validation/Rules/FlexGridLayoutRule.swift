/// Flexbox and grid layouts: Outlook for Windows (Word's renderer) and several webmail clients do
/// not support them, so columns collapse; tables are the portable layout.
enum FlexGridLayoutRule {
    static let displays: [CSSText.Needle] = ["display:flex", "display:inline-flex", "display:grid", "display:inline-grid"]

    static let layoutWords: [CSSText.Needle] = ["flex", "grid"]

    static func uses(_ css: String) -> String? {
        guard !css.isEmpty, CSSText.mentions(css, anyOf: layoutWords) else { return nil }
        let compact = CSSText(css)
        return displays.first { compact.contains($0) }?.text
    }

    static let rule = HTMLRule(kind: .flexGridLayout, scope: .element) { doc in
        // The prefilter reads the whole document: worth it only when every element is to be read.
        guard doc.isPartial || doc.mayMention(anyOf: layoutWords) else { return [] }
        var out: [HTMLFinding] = []
        for e in doc.elements {
            let css = e.name == "style" ? e.textContent : (e.attribute("style") ?? "")
            if let d = uses(css) {
                out.append(HTMLFinding(element: e, message: "`\(d.replacingOccurrences(of: ":", with: ": "))` is not supported by Outlook for Windows.",
                                       help: "Lay out columns with tables (`<table role=\"presentation\">`)."))
            }
        }
        return out
    }
}
