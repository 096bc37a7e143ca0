/// amp-bind bindings (`[attr]`, read as `data-amp-bind-attr`) only on the attributes email allows:
/// `[class]`, `[hidden]`, `[text]`, `[aria-*]` everywhere, a few per element; never `[href]` or `[src]`.
enum AMPBindingRule {
    static let global: Set<String> = ["class", "hidden", "text"]
    static let byElement: [String: Set<String>] = [
        "amp-img": ["alt", "attribution", "width", "height"],
        "input": ["value", "checked", "disabled", "placeholder", "readonly", "required", "min", "max", "step", "minlength", "maxlength", "pattern", "multiple"],
        "select": ["disabled", "multiple", "required"], "option": ["disabled", "label", "selected", "value"],
        "textarea": ["disabled", "placeholder", "readonly", "required", "minlength", "maxlength", "defaulttext"],
        "button": ["disabled", "value"], "fieldset": ["disabled"], "details": ["open"],
        "amp-selector": ["selected", "disabled"], "amp-carousel": ["slide"], "amp-list": ["is-layout-container"],
    ]

    static let rule = AMPRule(kind: .ampInvalid, scope: .element) { doc in
        var out: [HTMLFinding] = []
        for e in doc.elements {
            for a in e.attributes where a.name.hasPrefix("data-amp-bind-") {
                let bound = String(a.name.dropFirst("data-amp-bind-".count))
                if global.contains(bound) || bound.hasPrefix("aria-") || byElement[e.name]?.contains(bound) == true { continue }
                out.append(HTMLFinding(element: e, message: "AMP for Email does not allow binding `[\(bound)]` on `<\(e.name)>`."))
            }
        }
        return out
    }
}
