import HeraldEmail
import Testing

/// Output escaping as the bundle format specifies it (`docs/bundle-format.md`, render programs):
/// `html` escapes the five special characters and nothing else; `url` keeps a value whose scheme
/// (after leading blanks and control characters, ignoring case) is allowed.
@Suite struct HTMLEscapingTests {
    @Test func escapesTheFiveCharacters() {
        let cases: [(String, String)] = [
            ("plain", "plain"), ("", ""), ("a&b", "a&amp;b"), ("<p class=\"x\">it's</p>", "&lt;p class=&quot;x&quot;&gt;it&#39;s&lt;/p&gt;"),
            ("&&", "&amp;&amp;"), ("é & ü", "é &amp; ü"), ("ends with <", "ends with &lt;"), ("'", "&#39;"), ("😀>😀", "😀&gt;😀"),
        ]
        for (value, expected) in cases { #expect(HTMLEscaping.escape(value) == expected, "\(value)") }
    }

    @Test func keepsOnlyAllowedSchemes() {
        let kept = ["https://a.example/?x=1&y=2", "HTTP://a.example", "MailTo:ada@a.example", "tel:+1", " \thttps://a.example", "\u{01}https://a.example"]
        for url in kept { #expect(HTMLEscaping.safeURL(url) == url.drop { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 } == true }.description, "\(url)") }
        let replaced = ["javascript:alert(1)", "/relative", "", " ", "data:text/html,x", "httpss://a", "ｈttps://a", "https", "\u{00A0}javascript:x"]
        for url in replaced { #expect(HTMLEscaping.safeURL(url) == "about:invalid#herald", "\(url)") }
    }
}
