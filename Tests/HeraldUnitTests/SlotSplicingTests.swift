import Foundation
import HeraldDriver
@testable import HeraldEmail
import HeraldSupport
import HeraldTestSupport
import Testing

/// A version spliced from its skeleton and its slots' contents must be the tree, with the
/// problems, that parsing the whole version gives; when the parser cannot prove that, it parses
/// the whole version. Checked on the repository's layouts with generated slot contents, and the
/// splicing path must be the one most realistic versions take.
@Suite struct SlotSplicingTests {
    /// Layouts with `{{ blocks.… }}` slots, other outputs filled with a fixed value: the
    /// repository's, and slots with text on either side, side by side, in a list and in a `<p>`.
    static func layouts() throws -> [String] {
        try HTMLTreeBuilderTests.repositoryHTML().compactMap { url in
            let text = try String(contentsOf: url, encoding: .utf8)
            return text.contains("{{ blocks.") ? text : nil
        } + [
            "<!doctype html>\n<html><body>\n<table><tr><td>Hello {{ blocks.a }} and {{ blocks.b }}{{ blocks.c }}!</td></tr></table>\n"
                + "<ul><li>{{ blocks.d }}</li></ul><p>x {{ blocks.e }}\ny</p><div>{{ blocks.f }}</div>\n</body></html>\n",
            "<html>\n<body>{{ blocks.a }}<p>middle</p>  {{ blocks.b }}  <a href=\"https://acme.example/\">link</a></body>\n</html>",
        ]
    }

    /// A version of `layout` with each slot filled, and the byte ranges the slots took.
    static func fill(_ layout: String, with contents: (Int) -> String) -> ([UInt8], [Range<Int>]) {
        var out: [UInt8] = []
        var slots: [Range<Int>] = []
        var rest = Substring(layout)
        while let open = rest.range(of: "{{") {
            out += Array(rest[..<open.lowerBound].utf8)
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if name.hasPrefix("blocks.") {
                let start = out.count
                out += Array(contents(slots.count).utf8)
                slots.append(start..<out.count)
            } else {
                out += Array("https://acme.example/u?x=1&amp;y=2".utf8)
            }
            rest = rest[close.upperBound...]
        }
        out += Array(rest.utf8)
        return (out, slots)
    }

    /// Where the splice differs from the whole parse, with its lines and without them (the
    /// tree rules read first, with lines only when a version has a finding to place).
    static func difference(_ splicer: inout SlotSplicingParser, _ bytes: [UInt8], _ slots: [Range<Int>]) -> String? {
        let spliced = splicer.parse(bytes, slots: slots), whole = HTMLParser.parse(bytes)
        if let d = HTMLTreeBuilderTests.same(spliced.root, whole.root) { return d }
        // A copy, so that the path counts stay one per version.
        var copy = splicer
        let rough = copy.parse(bytes, slots: slots, exactLines: false)
        if let d = HTMLTreeBuilderTests.same(rough.result.root, whole.root, lines: rough.exactLines) { return "without lines: \(d)" }
        if rough.result.problems != whole.problems { return "without lines: problems \(rough.result.problems) against \(whole.problems)" }
        // Without a tree, the changes are the same elements at the same depths, those above a
        // slot as the skeleton has them (the same names and attributes).
        var treeless = splicer
        let bare = treeless.parse(bytes, slots: slots, exactLines: false) { _, _ in false }
        if let changes = rough.changes {
            guard let bareChanges = bare.changes, !bare.hasTree, bare.result.root == nil else { return "without a tree: no changes" }
            if bareChanges.depths != changes.depths { return "without a tree: depths \(bareChanges.depths) against \(changes.depths)" }
            for (a, b) in zip(bareChanges.elements, changes.elements) where a.name != b.name || !a.attributes.elementsEqual(b.attributes, by: ==) {
                return "without a tree: <\(a.name)> against <\(b.name)>"
            }
        }
        return spliced.problems == whole.problems ? nil : "problems \(spliced.problems) against \(whole.problems)"
    }

    /// Block contents as campaigns write them.
    static let realistic = [
        "<h1>Thank you, Ada</h1>", "<h1>New this week</h1>", "",
        "<p>We picked these for you.</p>\n<p><a href=\"https://acme.example/new\">See everything new</a></p>\n",
        "<a href=\"https://acme.example/p/1\"><img src=\"https://acme.example/i/1.png\" alt=\"Boots\" width=\"140\" height=\"140\"></a>\n<p>Boots &middot; $120.00</p>",
        "Plain text with &amp; an entity", "<table role=\"presentation\"><tr><td>cell</td></tr></table>",
        "<div style=\"display:none\">Preheader text</div>", "<!-- a comment --><span>after</span>", "\n  <b>bold</b> tail\n",
    ]

    @Test func realisticContentsAreSplicedExactly() throws {
        let layouts = try Self.layouts()
        #expect(layouts.count >= 4)
        var random = SeededRandom(seed: 20261205)
        var splicer = SlotSplicingParser()
        // Messages of a compilation share skeletons: a parser per message, one cache for all.
        let shared = SkeletonCache()
        var versions = 0
        for layout in layouts {
            for _ in 0..<40 {
                let (bytes, slots) = Self.fill(layout) { _ in random.pick(Self.realistic) }
                #expect(Self.difference(&splicer, bytes, slots) == nil, "\(String(decoding: bytes, as: UTF8.self))")
                var perMessage = SlotSplicingParser(shared: shared)
                #expect(Self.difference(&perMessage, bytes, slots) == nil)
                versions += 1
            }
        }
        // Realistic blocks in a clean layout take the splicing path, not the fallback.
        #expect(splicer.spliced > versions * 3 / 4, "\(splicer.spliced) of \(versions) versions spliced")
    }

    /// Contents from tag soup pieces that break out of their place, leave elements open, repeat
    /// ids, close what they did not open: each must either splice exactly or fall back.
    @Test func tagSoupContentsSpliceExactlyOrFallBack() throws {
        let pieces = [
            "<p>", "</p>", "<div>", "</div>", "</td>", "</tr>", "<td>", "<tr>", "</table>", "<table>", "<span id=\"s\">", "</span>",
            "<a name=\"n\" href=\"x\">", "</a>", "<img src=\"i\" alt>", "<br>", "<li>", "<ul>", "</ul>", "<!-- c -->", "text", " ", "\n",
            "&amp;", "&bogus", "&", "<", ">", "\"", "<style>p{}</style>", "<script>var a = '</p>';</script>", "<?x y?>",
            "<title>t</title>", "<b>", "</b>", "<i>", "</i>", "<h1>", "</h1>", "<o:p>", "</o:p>", "<body>", "</body>", "<html>",
            "<meta charset=\"latin1\">", "<!doctype html>", "<![CDATA[x]]>", "<herald-slot>", "<p id=\"s\">", "<center>", "<form>",
            "<textarea>", "</textarea>", "<!--", "-->",
        ]
        let layouts = try Self.layouts()
        var random = SeededRandom(seed: 20261206)
        var splicer = SlotSplicingParser()
        var versions = 0
        for _ in 0..<2000 {
            let layout = random.pick(layouts)
            let (bytes, slots) = Self.fill(layout) { _ in
                // Half the slots stay realistic, so that one bad slot does not decide every version.
                random.int(2) == 0 ? random.pick(Self.realistic) : (0..<random.int(in: 1...3)).map { _ in random.pick(pieces) }.joined()
            }
            #expect(Self.difference(&splicer, bytes, slots) == nil, "\(String(decoding: bytes, as: UTF8.self))")
            versions += 1
        }
        #expect(splicer.spliced > 0 && splicer.spliced < versions, "\(splicer.spliced) of \(versions) versions spliced")
    }

    static func treeDifference(_ splicer: inout SlotSplicingParser, _ bytes: [UInt8], _ slots: [Range<Int>]) -> String? {
        let whole = HTMLParser.parse(bytes).root
        if let d = HTMLTreeBuilderTests.same(splicer.parseTree(bytes, slots: slots).root, whole) { return d }
        var copy = splicer
        let rough = copy.parseTree(bytes, slots: slots, exactLines: false)
        return HTMLTreeBuilderTests.same(rough.root, whole, lines: rough.exactLines).map { "without lines: \($0)" }
    }

    /// Layouts whose own tags libxml2 does not know, with slots among and inside them, as the AMP
    /// part has them.
    static let unknownTagLayouts = [
        "<!doctype html>\n<html amp4email><head><style amp-custom>p{}</style></head><body>\n<amp-carousel layout=\"responsive\">"
            + "<div>{{ blocks.a }}</div>\n<amp-img src=\"https://a.example/x.png\" layout=\"fill\"></amp-img>{{ blocks.b }}</amp-carousel>\n"
            + "<template type=\"amp-mustache\"><p>{{ blocks.c }}</p></template>\n<table><tr><td>{{ blocks.d }}</td></tr></table>\n</body></html>\n",
        "<html>\n<body><amp-list src=\"https://a.example/l.json\" layout=\"container\">{{ blocks.a }}<x-y>{{ blocks.b }}</x-y></amp-list>\n"
            + "<p>{{ blocks.c }} after</p></body>\n</html>",
    ]

    /// The AMP part's splice (`parseTree`) accepts unknown tags: with tag soup and AMP
    /// components in the contents, each version's tree is the whole parse's or the whole
    /// version is parsed.
    @Test func treesWithUnknownTagsSpliceExactlyOrFallBack() throws {
        let pieces = [
            "<amp-img src=\"https://a.example/i.png\" width=\"1\" height=\"1\" alt=\"\"></amp-img>", "<amp-carousel>", "</amp-carousel>",
            "<template type=\"amp-mustache\">", "</template>", "<x-y>", "</x-y>", "<p>", "</p>", "<div>", "</div>", "</td>", "<td>",
            "</table>", "<span id=\"s\">", "</span>", "<li>", "text", "\n", "&amp;", "<", "<o:p>", "<body>", "<meta charset=\"x\">",
            "<!doctype html>", "<herald-slot>", "<b>", "</b>", "<h1>", "<form>", "<!-- c -->",
        ]
        let layouts = try Self.layouts() + Self.unknownTagLayouts
        var random = SeededRandom(seed: 20261207)
        var splicer = SlotSplicingParser()
        var versions = 0, strict = SlotSplicingParser()
        for _ in 0..<2000 {
            let layout = random.pick(layouts)
            let (bytes, slots) = Self.fill(layout) { _ in
                random.int(2) == 0 ? random.pick(Self.realistic + [pieces[0]]) : (0..<random.int(in: 1...3)).map { _ in random.pick(pieces) }.joined()
            }
            #expect(Self.treeDifference(&splicer, bytes, slots) == nil, "\(String(decoding: bytes, as: UTF8.self))")
            // The HTML part's parse, which reports problems, still refuses unknown tags.
            #expect(Self.difference(&strict, bytes, slots) == nil, "\(String(decoding: bytes, as: UTF8.self))")
            versions += 1
        }
        #expect(splicer.spliced > strict.spliced && splicer.spliced < versions, "\(splicer.spliced) (\(strict.spliced) with problems) of \(versions)")
    }

    /// The AMP preparation rewrites `[attr]=` bindings (longer) and the `⚡️4email` identifier:
    /// slot ranges move with them, still framing exactly their contents.
    @Test func slotRangesFollowTheAMPRewrites() throws {
        let layout = "<!doctype html>\n<html ⚡️4email><head></head><body>\n<p [text]=\"a\" [class]=\"b\">{{ blocks.a }}</p>"
            + "<amp-img [src]=\"c\" src=\"https://a.example/x.png\" layout=\"fill\"></amp-img><div>{{ blocks.b }}</div>\n"
            + "<span [hidden]=\"d\">{{ blocks.c }}</span></body></html>\n"
        let contents = ["<b>first</b>", "<p [text]=\"x\">second</p>", "third\n"]
        let (bytes, slots) = Self.fill(layout) { contents[$0] }
        let prepared = AMPSource(bytes)
        #expect(prepared.bytes.count > bytes.count + 40)
        let moved = slots.map { prepared.rewrittenOffset($0.lowerBound)..<prepared.rewrittenOffset($0.upperBound) }
        let framed = moved.map { String(decoding: prepared.bytes[$0], as: UTF8.self) }
        #expect(framed == ["<b>first</b>", "<p data-amp-bind-text=\"x\">second</p>", "third\n"])
        var splicer = SlotSplicingParser()
        #expect(Self.treeDifference(&splicer, prepared.bytes, moved) == nil)
        #expect(splicer.spliced == 1)
    }

    /// Every AMP version of every example campaign, prepared and spliced as validation does it
    /// (the slot ranges moved through the preparation's rewrites), has the whole parse's tree.
    @Test func exampleAMPVersionsSpliceExactly() throws {
        let compilation = try ScratchProject(keepCampaigns: true).compile()
        let schema = try #require(compilation.checked?.schema)
        var splicer = SlotSplicingParser()
        var versions = 0
        for (_, m) in compilation.messages.sorted(by: { $0.key < $1.key }) {
            guard let program = m.ampHTML else { continue }
            for v in m.versions {
                let input = SampleProfile.input(schema: schema, campaign: m.campaign, variant: v.variant, postalAddress: m.postalAddress,
                                                rows: m.largestLoop)
                var renderer = Renderer(input: input) { name in m.ampSlot(named: name, variant: v.variant)?.content(choice: v.choices[name] ?? 0) }
                renderer.run(program)
                let prepared = AMPSource(Array(renderer.output.utf8))
                let slots = renderer.slotRanges.map { prepared.rewrittenOffset($0.lowerBound)..<prepared.rewrittenOffset($0.upperBound) }
                #expect(!slots.isEmpty, "\(m.campaign)")
                #expect(Self.treeDifference(&splicer, prepared.bytes, slots) == nil, "\(m.campaign) \(v)")
                versions += 1
            }
        }
        #expect(versions >= 2)
        #expect(splicer.spliced > versions * 3 / 4, "\(splicer.spliced) of \(versions) AMP versions spliced")
    }

    /// Every version of every example campaign, rendered as validation renders it: the slot
    /// ranges the renderer records (with the preheader's slot and loops) splice exactly too.
    @Test func exampleVersionsSpliceExactly() throws {
        let compilation = try ScratchProject(keepCampaigns: true).compile()
        let schema = try #require(compilation.checked?.schema)
        #expect(compilation.messages.count >= 10)
        var splicer = SlotSplicingParser()
        var versions = 0
        for (_, m) in compilation.messages.sorted(by: { $0.key < $1.key }) {
            for v in m.versions {
                let input = SampleProfile.input(schema: schema, campaign: m.campaign, variant: v.variant, postalAddress: m.postalAddress,
                                                rows: m.largestLoop)
                var renderer = Renderer(input: input) { name in m.slot(named: name, variant: v.variant)?.content(choice: v.choices[name] ?? 0) }
                renderer.run(m.html)
                #expect(!renderer.slotRanges.isEmpty, "\(m.campaign)")
                #expect(Self.difference(&splicer, Array(renderer.output.utf8), renderer.slotRanges) == nil, "\(m.campaign) \(v)")
                versions += 1
            }
        }
        #expect(splicer.spliced > versions * 3 / 4, "\(splicer.spliced) of \(versions) versions spliced")
    }
}
