/// Elements mail clients strip or refuse: active content and forms.
enum ForbiddenElementRule {
    static let forbidden = ElementNameIndex(["script", "iframe", "form", "object", "embed", "applet", "frame", "frameset", "base"].map { ($0, ()) })

    static let rule = HTMLRule(kind: .forbiddenElement, scope: .element) { doc in
        doc.elements.filter { forbidden[$0.name] != nil }.map { e in
            HTMLFinding(element: e, message: "Email must not contain `<\(e.name)>`; mail clients remove it or reject the message.",
                        help: e.name == "form" ? "Link to a page with the form instead." : nil)
        }
    }
}
