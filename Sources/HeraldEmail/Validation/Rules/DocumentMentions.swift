import HeraldSupport

extension RenderedDocument {
    /// Whether any attribute value or text of the document could hold one of `words` (lower
    /// case), ignoring ASCII case: false only when the HTML's bytes do not hold it, and no numeric
    /// character reference in them stands for an ASCII letter (`fl&#101;x` is `flex` once parsed;
    /// no named reference of HTML stands for one).
    ///
    /// One scan of the document answers for all its elements: a rule that reads the `style` of
    /// every element spent more on scanning them one by one than the rest of its checks, for words
    /// that nearly no email holds.
    func mayMention(anyOf words: [CSSText.Needle]) -> Bool {
        var html = self.html
        return html.withUTF8 { bytes in
            words.contains { CSSText.occurs($0.bytes, in: bytes) } || RenderedDocument.hasLetterReference(bytes)
        }
    }

    /// Whether the bytes hold `&#NN;` or `&#xNN;` for an ASCII letter (the `;` may be missing, as
    /// parsers accept).
    static func hasLetterReference(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var at = 0
        while let ampersand = bytes.firstIndex(of: 0x26, from: at) {
            var i = ampersand + 1
            at = i
            guard i < bytes.count, bytes[i] == 0x23 else { continue }
            i += 1
            let hex = i < bytes.count && (bytes[i] | 0x20) == 0x78
            if hex { i += 1 }
            var value = 0, digits = 0
            while i < bytes.count, value <= 0x10FFFF {
                let b = bytes[i]
                if b >= 0x30 && b <= 0x39 {
                    value = value * (hex ? 16 : 10) + Int(b - 0x30)
                } else if hex, (b | 0x20) >= 0x61 && (b | 0x20) <= 0x66 {
                    value = value * 16 + Int((b | 0x20) - 0x61 + 10)
                } else {
                    break
                }
                digits += 1
                i += 1
            }
            if digits > 0, (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) { return true }
        }
        return false
    }
}
