/// No custom JavaScript: the only scripts are the AMP runtime, extension scripts, JSON-LD, the JSON
/// of `<amp-state>` and mustache templates.
enum AMPScriptRule {
    static let rule = AMPRule(kind: .ampInvalid, scope: .element) { doc in
        var out: [HTMLFinding] = []
        doc.walk { e, ancestors in
            guard e.name == "script" else { return }
            let type = e.attribute("type")?.lowercased()
            if e.attribute("src") == AMPCatalog.runtimeURL || e.has("custom-element") || e.has("custom-template") { return }
            if type == "application/ld+json" { return }
            if type == "application/json", ancestors.last?.name == "amp-state" { return }
            if type == "text/plain", e.attribute("template") == "amp-mustache" { return }
            out.append(HTMLFinding(element: e, message: "AMP for Email does not allow custom JavaScript.",
                                   help: "Use AMP components (`amp-bind`, `amp-list`, `amp-form`) for interactivity."))
        }
        return out
    }
}
