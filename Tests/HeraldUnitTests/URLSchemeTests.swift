@testable import HeraldEmail
import Testing

/// A URL's scheme is what RFC 3986 allows before the first colon, lower-cased; anything else
/// before the colon means there is no scheme.
@Suite struct URLSchemeTests {
    @Test func readsTheSchemeBeforeTheFirstColon() {
        let cases: [(String, String?)] = [
            ("https://example.com/a:b", "https"), ("HTTP://x", "http"), ("MailTo:a@b.c", "mailto"), ("tel:+1", "tel"),
            ("svn+ssh://h", "svn+ssh"), ("x-y.z:1", "x-y.z"), ("web+1:", "web+1"),
            ("/relative/path", nil), ("page.html", nil), (":no-scheme", nil), ("", nil), ("{{url}}", nil),
            ("a b:c", nil), ("é:x", nil), ("java\u{0}script:x", nil), ("path/to:x", nil), ("?q=a:b", nil),
        ]
        for (url, scheme) in cases { #expect(URLScheme.of(url) == scheme, "\(url.debugDescription)") }
    }

    @Test func theLinkRulesNameTheScheme() {
        #expect(InsecureURLRule.problem("ftp://files.example.com/a", isLink: true) == "uses the scheme `ftp`, which email does not allow")
        #expect(InsecureURLRule.problem("JavaScript:alert(1)", isLink: true) == "uses the scheme `javascript`, which email does not allow")
        #expect(InsecureURLRule.problem("images/a.png", isLink: false)?.hasPrefix("is relative") == true)
    }
}
