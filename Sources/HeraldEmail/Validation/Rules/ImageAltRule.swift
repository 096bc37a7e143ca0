/// Every image has an `alt` text: most clients block images by default, and screen readers read it
/// (`alt=""` marks an image as decorative and is fine).
enum ImageAltRule {
    static let rule = HTMLRule(kind: .imageWithoutAlt, scope: .element) { doc in
        doc.elements.filter { $0.name == "img" && !$0.has("alt") }.map { e in
            HTMLFinding(element: e, message: "This `<img>` has no `alt` text.",
                        help: "Describe the image in `alt`, or write `alt=\"\"` if it is decorative.")
        }
    }
}
