/// `<amp-img>` and `<amp-anim>` need a complete layout: `width` and `height` (fixed, responsive,
/// intrinsic), `height` for fixed-height, or `layout="fill"`; email does not allow `container`.
enum AMPLayoutRule {
    static let layouts: Set<String> = ["fill", "fixed", "fixed-height", "flex-item", "intrinsic", "nodisplay", "responsive"]

    static let rule = AMPRule(kind: .ampInvalid, scope: .element) { doc in
        doc.elements.compactMap { e in
            guard e.name == "amp-img" || e.name == "amp-anim" else { return nil }
            let layout = e.attribute("layout")?.lowercased()
            if let layout, !layouts.contains(layout) {
                return HTMLFinding(element: e, message: "`<\(e.name)>` does not support `layout=\"\(layout)\"` in email.")
            }
            let complete: Bool
            switch layout {
            case "fill", "nodisplay", "flex-item": complete = true
            case "fixed-height": complete = e.has("height")
            default: complete = e.has("width") && e.has("height")
            }
            return complete ? nil : HTMLFinding(element: e, message: "`<\(e.name)>` has incomplete layout attributes.",
                                                help: "Give it `width` and `height` (with `layout=\"responsive\"` to scale), or `layout=\"fill\"`.")
        }
    }
}
