/// CSS as the rules read it: ASCII-lower-cased with whitespace removed, as bytes, so that
/// `Display : None` and `display:none` compare equal without Unicode work per character (style
/// attributes are checked on every element of every rendered version).
struct CSSText {
    let bytes: [UInt8]

    init(_ css: String) {
        var out: [UInt8] = []
        out.reserveCapacity(css.utf8.count)
        for b in css.utf8 where b != 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C {
            out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
        }
        bytes = out
    }

    func contains(_ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard !n.isEmpty, n.count <= bytes.count else { return n.isEmpty }
        var i = 0
        while i + n.count <= bytes.count {
            if bytes[i] == n[0], bytes[i..<(i + n.count)].elementsEqual(n) { return true }
            i += 1
        }
        return false
    }

    /// Whether an element is hidden by its own `style` or `hidden` attribute.
    static func hides(_ e: HTMLElement) -> Bool {
        if e.has("hidden") { return true }
        guard let style = e.attribute("style") else { return false }
        let css = CSSText(style)
        return css.contains("display:none") || css.contains("visibility:hidden")
    }
}
