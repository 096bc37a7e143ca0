import Foundation

/// CSS in AMP for Email: one `<style amp-custom>` of at most 75,000 bytes, inline `style` of at most
/// 1,000 bytes each, at most 75,000 bytes in all (a warning unless `data-css-strict`), no
/// `!important`, no at-rule but `@media` (and `@page` without strict CSS), `url()` only https.
enum AMPStyleRule {
    static let customLimit = 75_000
    static let inlineLimit = 1_000
    static let totalLimit = 75_000
    static let atRule = try! NSRegularExpression(pattern: #"@([a-zA-Z-]+)"#)
    static let url = try! NSRegularExpression(pattern: #"url\(\s*['"]?([^'")\s]*)"#, options: [.caseInsensitive])

    static func problems(in css: String, strict: Bool, element: HTMLElement, out: inout [HTMLFinding]) {
        // Every inline style of every version passes here; most have no `!`, `@` or `(` at all,
        // so a byte scan decides whether the Foundation searches need to run.
        var bang = false, at = false, paren = false
        var text = css
        text.withUTF8 { bytes in
            for b in bytes {
                if b == UInt8(ascii: "!") { bang = true } else if b == UInt8(ascii: "@") { at = true } else if b == UInt8(ascii: "(") { paren = true }
            }
        }
        if bang, css.range(of: "!important", options: .caseInsensitive) != nil {
            out.append(HTMLFinding(element: element, message: "AMP for Email does not allow `!important` in CSS."))
        }
        for m in at ? atRule.matches(in: css, range: NSRange(css.startIndex..., in: css)) : [] {
            guard let r = Range(m.range(at: 1), in: css) else { continue }
            let name = css[r].lowercased()
            if name == "media" || (name == "page" && !strict) { continue }
            out.append(HTMLFinding(element: element, message: "AMP for Email does not allow the CSS at-rule `@\(name)`."))
        }
        for m in paren ? url.matches(in: css, range: NSRange(css.startIndex..., in: css)) : [] {
            guard let r = Range(m.range(at: 1), in: css), !css[r].lowercased().hasPrefix("https://") else { continue }
            out.append(HTMLFinding(element: element, message: "A CSS `url()` in AMP for Email must be an absolute `https` URL."))
        }
    }

    /// What each style sheet and `style` attribute holds, on its own.
    static let rule = AMPRule(kind: .ampCSS, scope: .element) { doc in
        var out: [HTMLFinding] = []
        for e in doc.elements {
            if e.name == "style" {
                if e.has("amp4email-boilerplate") { continue }
                guard e.has("amp-custom") else {
                    out.append(HTMLFinding(element: e, message: "AMP for Email allows CSS only in one `<style amp-custom>` in the head."))
                    continue
                }
                let css = e.textContent
                if css.utf8.count > customLimit {
                    out.append(HTMLFinding(element: e, message: "`<style amp-custom>` has \(css.utf8.count) bytes; AMP for Email allows \(customLimit)."))
                }
                problems(in: css, strict: doc.isStrictCSS, element: e, out: &out)
            } else if let style = e.attribute("style") {
                if style.utf8.count > inlineLimit {
                    out.append(HTMLFinding(element: e, message: "This `style` attribute has \(style.utf8.count) bytes; AMP for Email allows \(inlineLimit)."))
                }
                problems(in: style, strict: doc.isStrictCSS, element: e, out: &out)
            }
        }
        return out
    }

    /// What the document's CSS adds up to: one custom style sheet, and the total size.
    static let documentRule = AMPRule(kind: .ampCSS, scope: .document) { doc in
        var out = doc.elements.filter { $0.name == "style" && $0.has("amp-custom") && !$0.has("amp4email-boilerplate") }.dropFirst().map { e in
            HTMLFinding(element: e, message: "There may be only one `<style amp-custom>`.")
        }
        if doc.isStrictCSS, let over = totalOver(doc) { out.append(over) }
        return out
    }

    /// Without `data-css-strict`, the validator only warns about the total.
    static let totalRule = AMPRule(kind: .ampAdvisory, scope: .document) { doc in
        doc.isStrictCSS ? [] : totalOver(doc).map { [$0] } ?? []
    }

    static func totalOver(_ doc: AMPDocument) -> HTMLFinding? {
        let total = doc.elements.reduce(0) { sum, e in
            if e.name == "style" && e.has("amp-custom") { return sum + e.textContent.utf8.count }
            return sum + (e.name == "style" ? 0 : (e.attribute("style")?.utf8.count ?? 0))
        }
        guard total > totalLimit else { return nil }
        return HTMLFinding(element: nil, message: "The AMP part has \(total) bytes of CSS; AMP for Email allows \(totalLimit) in all.")
    }
}
