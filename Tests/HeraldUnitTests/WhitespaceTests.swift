import HeraldSupport
import Testing

/// Trimming as Foundation's `.whitespacesAndNewlines` does it (Unicode `White_Space`), on the
/// fast path for ASCII and the general one alike, for `String` and `Substring`.
@Suite struct WhitespaceTests {
    static let cases: [(String, String)] = [
        ("https://acme.example/", "https://acme.example/"), ("  x ", "x"), ("\tx\n", "x"), ("x", "x"), ("", ""), (" ", ""),
        ("a b", "a b"), ("\u{00A0}x\u{2028}", "x"), ("\u{3000}é\u{85}", "é"), ("\u{01}x\u{7F}", "\u{01}x\u{7F}"),
        ("é", "é"), ("x\r\n", "x"), ("\u{0B}\u{0C}x", "x"), ("\u{200B}x", "\u{200B}x"),
    ]

    @Test func trimsWhiteSpaceOnly() {
        for (text, expected) in Self.cases {
            #expect(text.trimmed == expected, "\(text.debugDescription)")
            #expect(Substring(text).trimmed == expected, "\(text.debugDescription)")
        }
    }

    @Test func blankAndSpaces() {
        #expect(" \t\u{00A0}\n".isBlank && "".isBlank && !" x ".isBlank && !"\u{200B}".isBlank)
        #expect(" \tx \n".trimmedOfSpaces == "x \n")
        #expect(" \tx\t ".trimmedOfSpaces == "x")
    }
}
