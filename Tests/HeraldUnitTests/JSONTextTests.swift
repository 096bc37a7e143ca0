import HeraldSupport
import Testing

/// JSON text as bundles write it: escapes exactly where JSON (and JavaScript) need them, every
/// other byte copied, and the parser reading back what was written.
@Suite struct JSONTextTests {
    @Test func escapesWhatJSONNeeds() {
        let cases: [(String, String)] = [
            ("plain", #""plain""#),
            ("say \"hi\"\n", #""say \"hi\"\n""#),
            ("back\\slash\ttab\r\u{08}\u{0C}", #""back\\slash\ttab\r\b\f""#),
            ("\u{01}\u{1F}\u{7F}", #""\u0001\u001f\u007f""#),
            ("line\u{2028}para\u{2029}end", #""line\u2028para\u2029end""#),
            ("€ and – are kept\n", "\"€ and – are kept\\n\""),
            ("ends in \u{2028}", #""ends in \u2028""#),
            ("\u{2028}", #""\u2028""#),
            ("é\"ü", #""é\"ü""#),
        ]
        for (value, expected) in cases {
            #expect(JSONValue.string(value).compactText() == expected)
        }
    }

    @Test func readsBackWhatItWrites() throws {
        var random = SeededRandom(seed: 11)
        let alphabet: [String] = ["a", "\"", "\\", "\n", "\u{01}", "\u{7F}", "\u{2028}", "\u{2029}", "€", "–", "😀", " ", "<", "é"]
        for _ in 0..<500 {
            let value = (0..<random.int(in: 0...24)).map { _ in alphabet[random.int(in: 0...(alphabet.count - 1))] }.joined()
            let text = JSONValue.array([.string(value)]).prettyText()
            #expect(try JSONParser.parse(text) == .array([.string(value)]), "\(value.debugDescription)")
        }
    }

    /// A value written ahead at one depth gives the same document wherever it is placed, and
    /// reads and compares as the value it holds.
    @Test func aValueWrittenAheadWritesAsItself() {
        let program: JSONValue = .array([["text": "<p class=\"x\">Hi</p>\n"], ["output": ["field": "first_name"]]])
        let plain: JSONValue = ["parts": ["html": program, "subject": "Hello"], "format": 1]
        for depth in [2, 1, 0] {
            let placed: JSONValue = ["parts": ["html": .written(program, depth: depth), "subject": "Hello"], "format": 1]
            #expect(placed.prettyBytes() == plain.prettyBytes(), "written at depth \(depth)")
            #expect(placed.compactText() == plain.compactText())
            #expect(placed == plain && placed.hashValue == plain.hashValue)
        }
        let written = JSONValue.written(program, depth: 2)
        #expect(written.arrayValue?.count == 2 && written == program && written != .array([]))
        #expect(JSONValue.written(["a": 1], depth: 0)["a"]?.intValue == 1)
    }
}
