/// No nested data fetches: `<amp-list>`, `<amp-state>` and `<amp-autocomplete>` may not appear
/// inside `<amp-list>`, `<amp-state>` or a template.
enum AMPNestedFetchRule {
    static let fetching: Set<String> = ["amp-list", "amp-state", "amp-autocomplete"]

    static let rule = AMPRule(kind: .ampInvalid, scope: .element) { doc in
        var out: [HTMLFinding] = []
        doc.walk { e, ancestors in
            guard fetching.contains(e.name), let outer = ancestors.last(where: { fetching.contains($0.name) || $0.name == "template" }) else { return }
            out.append(HTMLFinding(element: e, message: "AMP for Email does not allow `<\(e.name)>` inside `<\(outer.name)>`: data fetches may not nest."))
        }
        return out
    }
}
