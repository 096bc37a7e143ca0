/// Every image has a `width` attribute: Outlook for Windows ignores CSS widths and shows images at
/// their natural size, which breaks layouts built for 600 pixels.
enum ImageWidthRule {
    static let rule = HTMLRule(kind: .imageWithoutWidth, scope: .element) { doc in
        doc.elements.filter { $0.name == "img" && !$0.has("width") }.map { e in
            HTMLFinding(element: e, message: "This `<img>` has no `width` attribute.",
                        help: "Add `width=\"…\"` in pixels; Outlook for Windows ignores CSS widths on images.")
        }
    }
}
