@testable import HeraldEmail
import Testing

/// The byte scanners rules use on every element: CSS keywords ignoring case, and mustache tags
/// in AMP URLs, against the plain definitions they replace.
@Suite struct ByteScanTests {
    @Test func cssKeywords() {
        let words: [CSSText.Needle] = ["none", "hidden"]
        for (css, expected) in [("display:NONE", true), ("Visibility: Hidden", true), ("color:red", false), ("no ne", false), ("", false),
                                ("nonnone", true), ("hidde", false), ("xhiddenx", true), ("NON", false), ("é none", true),
                                ("none", true), ("xnon", false), ("nnnnnone", true), ("Color:Red;none", true), ("HIDDEN", true), ("n", false)] {
            #expect(CSSText.mentions(css, anyOf: words) == expected, "\(css)")
            #expect(CSSText.mentions(css, anyOf: words) == words.contains { css.lowercased().contains($0.text) }, "\(css)")
        }
        #expect(!CSSText.mentions("display:flex", anyOf: []))
    }

    @Test func mustacheInURLs() {
        for url in ["https://a.example/", "{{url}}", "https://a.example/{{id}}", "{{#list}}x{{/list}}", "{{^x}}", "{x}", "}}", "{{", "a{{/b",
                    "{{ url }}", "{{{raw}}}", "", "{", "{{#"] {
            let found = AMPURLRule.mustache(in: url)
            #expect(found.any == (url.contains("{{") || url.contains("}}")), "\(url)")
            #expect(found.section == (url.contains("{{#") || url.contains("{{/") || url.contains("{{^")), "\(url)")
        }
        #expect(!AMPURLRule.mustacheProblem("{{url}}") && AMPURLRule.mustacheProblem("https://a.example/{{id}}") && AMPURLRule.mustacheProblem("{{#a}}{{/a}}"))
    }
}
