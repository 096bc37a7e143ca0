/// CSS as the rules read it: ASCII-lower-cased with whitespace removed, as bytes, so that
/// `Display : None` and `display:none` compare equal without Unicode work per character (style
/// attributes are checked on every element of every rendered version).
struct CSSText {
    let bytes: [UInt8]

    init(_ css: String) {
        let count = css.utf8.count
        bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, written in
            var n = 0
            for b in css.utf8 where b != 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C {
                buffer[n] = CSSText.lower(b)
                n += 1
            }
            written = n
        }
    }

    static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    /// Whether the compacted CSS contains `needle` (lower case, without whitespace).
    func contains(_ needle: Needle) -> Bool {
        bytes.withUnsafeBufferPointer { CSSText.find(needle, in: $0) }
    }

    /// Whether `needle` (lower case) occurs in `hay`, ignoring ASCII case; no allocation.
    static func find(_ needle: Needle, in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = needle.bytes
        guard n.count <= hay.count else { return false }
        var i = 0
        while i + n.count <= hay.count {
            var k = 0
            while k < n.count, lower(hay[i + k]) == n[k] { k += 1 }
            if k == n.count { return true }
            i += 1
        }
        return false
    }

    /// A declaration to look for, as compacted bytes made once.
    struct Needle: ExpressibleByStringLiteral {
        let text: String
        let bytes: [UInt8]
        init(stringLiteral text: String) {
            self.text = text
            bytes = Array(text.utf8)
        }
    }

    /// Whether raw CSS contains one of `words` (lower case), ignoring ASCII case. A keyword cannot
    /// contain whitespace, so CSS that lacks it cannot contain a declaration using it: this scan
    /// without allocation spares compacting nearly every `style` attribute.
    static func mentions(_ css: String, anyOf words: [Needle]) -> Bool {
        var css = css
        return css.withUTF8 { hay in
            // One pass for all words: a word is compared only where its first letter stands.
            for i in hay.indices {
                let c = lower(hay[i])
                for w in words where w.bytes.first == c && i + w.bytes.count <= hay.count {
                    var k = 1
                    while k < w.bytes.count, lower(hay[i + k]) == w.bytes[k] { k += 1 }
                    if k == w.bytes.count { return true }
                }
            }
            return false
        }
    }

    static let hidingWords: [Needle] = ["none", "hidden"]

    static let displayNone: Needle = "display:none"
    static let visibilityHidden: Needle = "visibility:hidden"

    /// Whether an element is hidden by its own `style` or `hidden` attribute.
    static func hides(_ e: HTMLElement) -> Bool {
        if e.has("hidden") { return true }
        guard let style = e.attribute("style"), mentions(style, anyOf: hidingWords) else { return false }
        let css = CSSText(style)
        return css.contains(displayNone) || css.contains(visibilityHidden)
    }
}
