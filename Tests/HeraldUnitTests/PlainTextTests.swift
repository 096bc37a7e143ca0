import HeraldEmail
import Testing

/// The plain-text part derived from HTML: blocks, lists, links as footnotes, hidden content dropped.
@Suite struct PlainTextTests {
    static let cases: [(html: String, text: String)] = [
        ("<p>Hello   <b>world</b></p><p>Second\n paragraph</p>", "Hello world\n\nSecond paragraph\n"),
        ("<h1>Big news</h1><h3>Small news</h3><p>Body</p>", "BIG NEWS\n\nSmall news\n\nBody\n"),
        ("<ul><li>One</li><li>Two</li></ul><ol><li>First</li><li>Second</li></ol>", "- One\n- Two\n\n1. First\n2. Second\n"),
        ("<p>See <a href=\"https://a.example/x\">this</a> and <a href=\"https://a.example/x\">that</a>.</p>",
         "See this [1] and that [1].\n\n[1] https://a.example/x\n"),
        ("<p><a href=\"https://a.example/\">https://a.example/</a> <a href=\"mailto:help@a.example\">help@a.example</a></p>",
         "https://a.example/ help@a.example\n"),
        ("<head><title>T</title><style>p{}</style></head><body><div style=\"display: none\">Preview</div><p>Seen</p></body>", "Seen\n"),
        ("<p>Line one<br>Line two</p><img src=\"https://a.example/i.png\" alt=\"A red boot\">", "Line one\nLine two\n\nA red boot\n"),
        ("<table><tr><td>Boots</td><td>$120</td></tr><tr><td>Socks</td><td>$9</td></tr></table>", "Boots $120\nSocks $9\n"),
        ("<p>Tom &amp; Jerry &lt;3</p>", "Tom & Jerry <3\n"),
        ("", ""),
    ]

    @Test(arguments: cases.indices)
    func derivesTheExpectedText(_ i: Int) {
        #expect(PlainText.derive(fromHTML: PlainTextTests.cases[i].html) == PlainTextTests.cases[i].text)
    }
}
