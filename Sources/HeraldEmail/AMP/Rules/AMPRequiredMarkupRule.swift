import Foundation

/// The markup every AMP email must have: doctype, `<html ⚡4email>`, head and body, `<meta
/// charset="utf-8">`, the email boilerplate style and the AMP runtime script; and what it must not
/// have (a viewport meta, a canonical link, development mode).
enum AMPRequiredMarkupRule {
    static let boilerplate = try! NSRegularExpression(pattern: #"^\s*body\s*\{\s*visibility:\s*hidden;?\s*\}\s*$"#)

    static let rule = AMPRule(kind: .ampInvalid, scope: .document) { doc in
        var out: [HTMLFinding] = []
        func missing(_ what: String, _ help: String? = nil) { out.append(HTMLFinding(element: nil, message: "The AMP part has no \(what).", help: help)) }
        if !doc.hasDoctype { missing("`<!doctype html>` at its start") }
        if !doc.source.isAMP { missing("`⚡4email` on its `<html>` tag", "Write `<html ⚡4email data-css-strict>`.") }
        if doc.source.identifiers.contains("data-ampdevmode") {
            out.append(HTMLFinding(element: doc.root, message: "`data-ampdevmode` is for development only; mail clients reject the AMP part."))
        }
        guard let head = doc.head else { missing("`<head>`"); return out }
        let headElements = head.descendants
        if !doc.elements.contains(where: { $0.name == "body" }) { missing("`<body>`") }
        if !headElements.contains(where: { $0.name == "meta" && $0.attribute("charset")?.lowercased() == "utf-8" }) {
            missing("`<meta charset=\"utf-8\">` in its head")
        }
        let boilerplates = headElements.filter { $0.name == "style" && $0.has("amp4email-boilerplate") }
        if boilerplates.isEmpty {
            missing("boilerplate style", "Add `<style amp4email-boilerplate>body{visibility:hidden}</style>` to the head.")
        }
        for b in boilerplates {
            let css = b.textContent
            if boilerplate.firstMatch(in: css, range: NSRange(css.startIndex..., in: css)) == nil {
                out.append(HTMLFinding(element: b, message: "The boilerplate style must be exactly `body{visibility:hidden}`."))
            }
        }
        let runtimes = headElements.filter { $0.name == "script" && $0.attribute("src") == AMPCatalog.runtimeURL }
        if runtimes.isEmpty {
            missing("AMP runtime script", "Add `<script async src=\"https://cdn.ampproject.org/v0.js\"></script>` to the head.")
        }
        for r in runtimes where !r.has("async") {
            out.append(HTMLFinding(element: r, message: "The AMP runtime script must have the `async` attribute."))
        }
        if runtimes.count > 1 { out.append(HTMLFinding(element: runtimes[1], message: "The AMP runtime script appears more than once.")) }
        for e in doc.elements {
            if e.name == "meta", e.attribute("name")?.lowercased() == "viewport" {
                out.append(HTMLFinding(element: e, message: "AMP for Email does not allow `<meta name=\"viewport\">`."))
            }
        }
        return out
    }
}
