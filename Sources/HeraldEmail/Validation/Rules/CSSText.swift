import Foundation
import HeraldSupport

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
                buffer[n] = b.asciiLowercased
                n += 1
            }
            written = n
        }
    }


    /// Whether the compacted CSS contains `needle` (lower case, without whitespace).
    func contains(_ needle: Needle) -> Bool {
        bytes.withUnsafeBufferPointer { CSSText.occurs(needle.bytes, in: $0) }
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
        return css.withUTF8 { hay in words.contains { occurs($0.bytes, in: hay) } }
    }

    /// Whether `needle` (lower case) occurs in the bytes, ignoring ASCII case: libc's vectorized
    /// `memchr` finds each place the first letter stands, in either case, and only there are the
    /// other bytes compared.
    static func occurs(_ needle: [UInt8], in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first, needle.count <= hay.count else { return false }
        let last = hay.count - needle.count
        func startingWith(_ letter: UInt8) -> Bool {
            var at = 0
            while let i = hay.firstIndex(of: letter, from: at), i <= last {
                var k = 1
                while k < needle.count, hay[i + k].asciiLowercased == needle[k] { k += 1 }
                if k == needle.count { return true }
                at = i + 1
            }
            return false
        }
        let upper = first >= 0x61 && first <= 0x7A ? first - 0x20 : first
        return startingWith(first) || (upper != first && startingWith(upper))
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
