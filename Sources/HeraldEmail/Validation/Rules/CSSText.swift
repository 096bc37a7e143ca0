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
                buffer[n] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                n += 1
            }
            written = n
        }
    }

    /// Whether the compacted CSS contains `needle` (lower case, without whitespace).
    func contains(_ needle: Needle) -> Bool {
        let n = needle.bytes
        guard !n.isEmpty else { return true }
        guard n.count <= bytes.count else { return false }
        return bytes.withUnsafeBufferPointer { hay in
            n.withUnsafeBufferPointer { pin in
                var i = 0
                let last = hay.count - pin.count
                while i <= last {
                    if hay[i] == pin[0] {
                        var k = 1
                        while k < pin.count && hay[i + k] == pin[k] { k += 1 }
                        if k == pin.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
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
            for w in words {
                let n = w.bytes
                guard n.count <= hay.count else { continue }
                var i = 0
                while i + n.count <= hay.count {
                    var k = 0
                    while k < n.count {
                        let b = hay[i + k]
                        if (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) != n[k] { break }
                        k += 1
                    }
                    if k == n.count { return true }
                    i += 1
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
