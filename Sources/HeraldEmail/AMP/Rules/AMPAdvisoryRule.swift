/// What the AMP validator warns about: no `data-css-strict`, deprecated components, `<title>`.
enum AMPAdvisoryRule {
    /// What the `<html>` tag declares.
    static let documentRule = AMPRule(kind: .ampAdvisory, scope: .document) { doc in
        guard doc.source.isAMP && !doc.isStrictCSS else { return [] }
        return [HTMLFinding(element: doc.root, message: "The AMP part does not declare `data-css-strict` on `<html>`; the AMP validator may require it in the future.")]
    }

    /// Deprecated elements (each name once) and `<title>`. Once per name stays true of the
    /// elements a splice changed: an element rule's skipped elements had no finding at all.
    static let rule = AMPRule(kind: .ampAdvisory, scope: .element) { doc in
        var out: [HTMLFinding] = []
        var seen: Set<String> = []
        for e in doc.elements {
            if let why = AMPCatalog.deprecated[e.name], seen.insert(e.name).inserted {
                out.append(HTMLFinding(element: e, message: "`<\(e.name)>` is deprecated in email: it \(why)."))
            }
            if e.name == "title" { out.append(HTMLFinding(element: e, message: "`<title>` has no meaning in email and is deprecated in AMP for Email.")) }
            if e.name == "script", e.attribute("custom-template") == "amp-mustache", e.attribute("src")?.hasSuffix("-0.1.js") == true {
                out.append(HTMLFinding(element: e, message: "Version `0.1` of `amp-mustache` is deprecated; use `0.2`."))
            }
        }
        return out
    }
}
