@testable import HeraldEmail
import HeraldSupport
import Testing

/// The byte scanners rules use on every element: CSS keywords ignoring case, mustache tags in AMP
/// URLs, and the fingerprinted keys of whole documents, against the plain definitions they replace.
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

    @Test func fingerprintedBytesAreEqualExactlyWhenTheBytesAre() {
        var random = SeededRandom(seed: 20261207)
        for _ in 0..<2000 {
            let a = (0..<random.int(40)).map { _ in UInt8(truncatingIfNeeded: random.int(4)) }
            var b = a
            switch random.int(4) {
            case 0: break
            case 1: if !b.isEmpty { b[random.int(b.count)] &+= 1 }
            case 2: b.append(0)
            default: b = (0..<random.int(40)).map { _ in UInt8(truncatingIfNeeded: random.int(4)) }
            }
            let x = FingerprintedBytes(a), y = FingerprintedBytes(b)
            #expect((x == y) == (a == b), "\(a) \(b)")
            if a == b { #expect(x.hashValue == y.hashValue) }
        }
    }
}
