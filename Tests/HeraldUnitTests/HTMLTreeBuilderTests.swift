import Foundation
@testable import HeraldEmail
import HeraldSupport
import HeraldTestSupport
import Testing

/// The tree `HTMLParser.parse` builds from SAX events must be the tree libxml2 builds itself
/// (`referenceParse` copies that one), with the same errors: on every HTML file of the
/// repository, on hand-written corner cases, and on generated tag soup.
@Suite struct HTMLTreeBuilderTests {
    /// Corner cases of libxml2's tree builder that the SAX builder reproduces.
    static let cases = [
        "<!doctype html><html><body><p id=\"a\">x</p><p id=\"a\">y</p><a name=\"t\">1</a><a name=\"t\">2</a></body></html>",
        "<html><body><o:p>Outlook</o:p><v:rect><v:fill/></v:rect><x:>odd</x:><:a>b</:a></body></html>",
        "<html><body><p>before <a:1b>broken</a:1b> after</p></body></html>",
        "<html><body><input checked disabled value><option selected>o</option><td nowrap>x</td></body></html>",
        "<!-- first --><html><body>x</body></html><div>after the root</div><!-- last -->",
        "<html><body>x</body></html><div>after a root that came first</div>text<p>more</p>",
        "<!doctype html><html><body>x</body></html><div>after a root with a doctype</div>",
        "text before any tag<p>para</p>",
        "<html><head><style>a{color:red}</style><script>if (a < b) {}</script></head><body><style>b{}</style>x</body></html>",
        "<p>a<?php echo 1 ?>b</p><?pi at the end?>",
        "<html><body><table><tr><td>1<td>2</tr><tr><p>in a row</p></table></body></html>",
        "<html><body></div></span><p>stray ends</b></p><html lang=\"x\"><body class=\"y\"></body></html>",
        "<html><body><p>&amp; &lt; &#x41; &unknown; & bare &#9999999;</p><a href=\"?a=1&b=2\">q</a></body></html>",
        "<HTML><BODY><P CLASS=Upper ID=u>Upper case</P><IMG SRC=x ALT=\"\"></BODY></HTML>",
        "<html><body><p title='single' data-x=unquoted data-y = \"spaced\" data-z>attrs</p></body></html>",
        "<html><body><p>caf\u{E9} \u{1F469}\u{200D}\u{1F467} \u{202E}</p><\u{E9}l>non-ASCII name</\u{E9}l></body></html>",
        "<html><body><textarea><p>not a tag</p></textarea><title>t<b>x</b></title></body></html>",
        "<html><body><p>unclosed<div>block<span>inline",
        "",
        "   ",
        "<!---->",
        "<html><body><![CDATA[ section ]]><p>x</p></body></html>",
    ]

    static func same(_ a: HTMLElement?, _ b: HTMLElement?, at path: String = "root", lines: Bool = true) -> String? {
        guard let a, let b else { return a == nil && b == nil ? nil : "\(path): one tree is empty" }
        if a.name != b.name { return "\(path): <\(a.name)> against <\(b.name)>" }
        if lines && a.line != b.line { return "\(path)/\(a.name): line \(a.line) against \(b.line)" }
        if !a.attributes.elementsEqual(b.attributes, by: { $0 == $1 }) { return "\(path)/\(a.name): attributes \(a.attributes) against \(b.attributes)" }
        if a.children.count != b.children.count { return "\(path)/\(a.name): \(a.children.count) children against \(b.children.count)" }
        for (i, (x, y)) in zip(a.children, b.children).enumerated() {
            switch (x, y) {
            case (.element(let e), .element(let f)): if let d = same(e, f, at: "\(path)/\(a.name)[\(i)]", lines: lines) { return d }
            case (.text(let s), .text(let t)) where s == t: continue
            case (.comment(let s), .comment(let t)) where s == t: continue
            default: return "\(path)/\(a.name)[\(i)]: \(x) against \(y)"
            }
        }
        return nil
    }

    /// Where the two parsers disagree on a document, or nil.
    static func difference(_ bytes: [UInt8]) -> String? {
        let built = HTMLParser.parse(bytes), reference = HTMLParser.referenceParse(bytes)
        if let d = same(built.root, reference.root) { return d }
        let errors = built.problems.filter { !$0.isWarning }, expected = reference.problems.filter { !$0.isWarning }
        return errors == expected ? nil : "problems \(errors) against \(expected)"
    }

    @Test func cornerCases() {
        for text in Self.cases { #expect(Self.difference(Array(text.utf8)) == nil, "\(text)") }
        // The cases reach what they are about.
        let ids = HTMLParser.parse(Self.cases[0]).problems.filter { $0.message.hasPrefix("ID ") }
        #expect(ids.count == 2)
        #expect(HTMLParser.parse(Self.cases[1]).root?.descendants.map(\.name).contains("p") == true)
        #expect(HTMLParser.parse(Self.cases[3]).root?.descendants.first { $0.name == "input" }?.attribute("checked") == "checked")
        // A second top-level element goes inside a root that was the document's first node.
        #expect(HTMLParser.parse(Self.cases[5]).root?.children.contains { if case .element(let e) = $0 { e.name == "html" } else { false } } == true)
        #expect(HTMLParser.parse(Self.cases[6]).root?.descendants.contains { $0.name == "div" } == false)
    }

    static func repositoryHTML() -> [URL] {
        var files: [URL] = []
        for folder in ["examples", "Fuzz/corpus", "Tests/HeraldEngineTests/Fixtures"] {
            let root = TestPaths.path(folder)
            let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL { if url.pathExtension == "html" { files.append(url) } }
        }
        return files.sorted { $0.path < $1.path }
    }

    @Test func everyHTMLFileOfTheRepository() throws {
        let files = Self.repositoryHTML()
        #expect(files.count >= 40)
        for url in files { #expect(Self.difference(Array(try Data(contentsOf: url))) == nil, "\(url.lastPathComponent)") }
    }

    /// Tag soup from pieces that reach libxml2's recovery paths: implied and misplaced elements,
    /// stray end tags, namespaces, repeated ids, comments and text around the root.
    @Test func generatedTagSoup() {
        let pieces = [
            "<html>", "</html>", "<body>", "</body>", "<head>", "</head>", "<p>", "</p>", "<div class=\"a\">", "</div>", "<table>",
            "<tr>", "<td>", "</td>", "</tr>", "</table>", "<span id=\"s\">", "</span>", "<a name=\"n\" href=\"x\">", "</a>",
            "<img src=\"i\" alt>", "<br>", "<br/>", "<o:p>", "</o:p>", "<v:shape>", "</v:shape>", "<ul><li>", "</li>", "<li>",
            "</ul>", "<!-- c -->", "<!doctype html>", "text", " ", "\n", "&amp;", "&bogus", "<", ">", "\"", "<style>p{}</style>",
            "<script>var a = '</p>';</script>", "<?x y?>", "<title>t</title>", "<input disabled>", "<select><option selected>",
            "<b>", "</b>", "<i>", "</i>", "<font color=red>", "</font>", "<center>", "<form>", "</form>", "<h1>", "</h1>",
            "<x:1y>", "<p id=\"s\">", "<![CDATA[x]]>", "</html><!-- after -->",
        ]
        var random = SeededRandom(seed: 20261203)
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<random.int(in: 1...40) { text += random.pick(pieces) }
            #expect(Self.difference(Array(text.utf8)) == nil, "\(text)")
        }
    }

    /// Real documents cut, doubled and spliced at random byte positions (also inside tags and
    /// multi-byte characters), so that recovery happens in realistic surroundings.
    @Test func mutatedDocuments() throws {
        let documents = try Self.repositoryHTML().map { Array(try Data(contentsOf: $0)) }.filter { !$0.isEmpty }
        var random = SeededRandom(seed: 20261204)
        for _ in 0..<600 {
            var bytes = random.pick(documents)
            for _ in 0..<random.int(in: 1...6) {
                let a = random.int(bytes.count + 1), b = min(bytes.count, a + random.int(200))
                switch random.int(4) {
                case 0: bytes.removeSubrange(a..<b)
                case 1: bytes.insert(contentsOf: bytes[a..<b], at: random.int(bytes.count + 1))
                case 2: bytes.insert(contentsOf: random.pick(documents).prefix(random.int(300)), at: a)
                default: bytes.insert(UInt8(truncatingIfNeeded: random.int(256)), at: a)
                }
            }
            #expect(Self.difference(bytes) == nil, "\(String(decoding: bytes.prefix(300), as: UTF8.self))")
        }
    }
}
