@testable import HeraldEmail
import Testing

/// A document may mention a word when its bytes hold it in any ASCII case, or when a numeric
/// character reference stands for a letter (which could spell it once parsed).
@Suite struct DocumentMentionsTests {
    static func mentions(_ html: String) -> Bool {
        RenderedDocument(html: html, root: nil, isMarketing: false, hasPreheader: false, unsubscribeURL: nil)
            .mayMention(anyOf: FlexGridLayoutRule.layoutWords)
    }

    @Test func findsTheWordsOrALetterReference() {
        for html in ["display:flex", "<p>GRID</p>", "Flexible", "&#102;", "&#x66", "&#X47;", "&#00071;", "a &#65; b", "&#122;"] {
            #expect(Self.mentions(html), "\(html)")
        }
        for html in ["", "<p style=\"color:red\">Hi</p>", "&#39; &#8217; &#x2019; &amp; &nbsp;", "&#", "&#x;", "&#64; &#91; &#96; &#123;",
                     "&#99999999999999999999;", "fle x gri d", "&"] {
            #expect(!Self.mentions(html), "\(html)")
        }
    }
}
