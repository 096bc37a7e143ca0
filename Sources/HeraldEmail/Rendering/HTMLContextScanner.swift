import HeraldSupport

/// Follows the HTML tokenizer through a template's literal text to learn, for each output, where
/// it stands: in text, in a quoted attribute, at the start of a URL, or somewhere no value may go.
///
/// Outputs are opaque to the scanner (their escaping guarantees they cannot change the state), so
/// the state after a template is known statically, and branches and loops can be checked to
/// leave the document in the same state they found it.
struct HTMLContextScanner: Equatable {
    enum State: Equatable {
        case data
        case tagOpen
        case endTagOpen
        case tagName
        case beforeAttributeName
        case attributeName
        case afterAttributeName
        case beforeAttributeValue
        case attributeValue(quote: UInt8?)
        case markupDeclaration
        case comment(dashes: Int)
        case bogusComment
        /// Inside `<style>` or `<script>` until the matching end tag; `matched` bytes of it seen.
        case rawText(end: RawTextElement, matched: Int)
    }

    /// The elements whose content is raw text, with the end tag that closes them.
    enum RawTextElement: Int, CaseIterable {
        case style, script

        static let endTags: [[UInt8]] = [Array("</style".utf8), Array("</script".utf8)]
        var endTag: [UInt8] { RawTextElement.endTags[rawValue] }
        var name: String { self == .style ? "style" : "script" }
    }

    /// Where an output stands.
    enum Context: Equatable {
        case text
        /// A quoted attribute value; `valueSoFar` is the literal text before the output.
        case attribute(name: String, tag: String, valueSoFar: String)
        case unsafe(reason: String)
    }

    private(set) var state: State = .data
    // Bytes, not strings: the scanner steps through every byte of every layout (tens of
    // kilobytes per campaign), and only an output's context needs them as text.
    private var tag: [UInt8] = []
    private var isEndTag = false
    private var attribute: [UInt8] = []
    private var valueSoFar: [UInt8] = []

    static let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "background", "cite", "poster", "longdesc", "usemap", "xlink:href", "srcset"]

    mutating func feed(_ text: String) {
        var text = text
        text.withUTF8 { bytes in for b in bytes { step(b) } }
    }

    /// The context of an output at the current position; outputs inside attribute values count
    /// as non-empty value text afterwards.
    mutating func output() -> Context {
        switch state {
        case .data, .comment: return .text
        case .attributeValue(let quote):
            defer { valueSoFar += Array("\u{FFFC}".utf8) }
            let name = String(decoding: attribute, as: UTF8.self)
            if quote == nil { return .unsafe(reason: "in an unquoted attribute value; put the value in quotes") }
            if name.hasPrefix("on") { return .unsafe(reason: "in the event handler attribute `\(name)`") }
            if name == "style" { return .unsafe(reason: "in a `style` attribute, where CSS rules apply") }
            return .attribute(name: name, tag: String(decoding: tag, as: UTF8.self), valueSoFar: String(decoding: valueSoFar, as: UTF8.self))
        case .rawText(let end, _):
            return .unsafe(reason: "inside `<\(end.name)>`, where HTML escaping does not apply")
        case .tagOpen, .endTagOpen, .tagName:
            return .unsafe(reason: "in a tag name")
        case .beforeAttributeName, .attributeName, .afterAttributeName, .beforeAttributeValue:
            return .unsafe(reason: "where an attribute name or `=` is expected; outputs may only stand in quoted attribute values")
        case .markupDeclaration, .bogusComment:
            return .unsafe(reason: "inside a `<!` declaration")
        }
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D }
    private static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }


    private mutating func endOfTag() {
        if !isEndTag, let end = RawTextElement.allCases.first(where: { e in
            e.endTag.count == tag.count + 2 && zip(e.endTag.dropFirst(2), tag).allSatisfy { $0 == $1.asciiLowercased }
        }) {
            state = .rawText(end: end, matched: 0)
        } else {
            state = .data
        }
    }

    /// A buffer started over with one byte, keeping its storage: a new array for every tag and
    /// attribute of every layout was most of the scan's cost.
    private static func restart(_ buffer: inout [UInt8], _ b: UInt8) {
        buffer.removeAll(keepingCapacity: true)
        buffer.append(b)
    }

    private mutating func step(_ b: UInt8) {
        switch state {
        case .data:
            if b == UInt8(ascii: "<") { state = .tagOpen }
        case .tagOpen:
            if HTMLContextScanner.isAlpha(b) { Self.restart(&tag, b); isEndTag = false; state = .tagName }
            else if b == UInt8(ascii: "/") { state = .endTagOpen }
            else if b == UInt8(ascii: "!") { state = .markupDeclaration; valueSoFar.removeAll(keepingCapacity: true) }
            else if b == UInt8(ascii: "?") { state = .bogusComment }
            else { state = .data; step(b) }
        case .endTagOpen:
            if HTMLContextScanner.isAlpha(b) { Self.restart(&tag, b); isEndTag = true; state = .tagName }
            else if b == UInt8(ascii: ">") { state = .data }
            else { state = .bogusComment }
        case .tagName:
            if HTMLContextScanner.isSpace(b) { state = .beforeAttributeName }
            else if b == UInt8(ascii: "/") { state = .beforeAttributeName }
            else if b == UInt8(ascii: ">") { endOfTag() }
            else { tag.append(b) }
        case .beforeAttributeName:
            if HTMLContextScanner.isSpace(b) || b == UInt8(ascii: "/") { break }
            if b == UInt8(ascii: ">") { endOfTag() } else { Self.restart(&attribute, b.asciiLowercased); state = .attributeName }
        case .attributeName:
            if HTMLContextScanner.isSpace(b) { state = .afterAttributeName }
            else if b == UInt8(ascii: "=") { state = .beforeAttributeValue }
            else if b == UInt8(ascii: ">") { endOfTag() }
            else if b == UInt8(ascii: "/") { state = .beforeAttributeName }
            else { attribute.append(b.asciiLowercased) }
        case .afterAttributeName:
            if HTMLContextScanner.isSpace(b) { break }
            if b == UInt8(ascii: "=") { state = .beforeAttributeValue }
            else if b == UInt8(ascii: ">") { endOfTag() }
            else if b == UInt8(ascii: "/") { state = .beforeAttributeName }
            else { Self.restart(&attribute, b.asciiLowercased); state = .attributeName }
        case .beforeAttributeValue:
            if HTMLContextScanner.isSpace(b) { break }
            valueSoFar.removeAll(keepingCapacity: true)
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") { state = .attributeValue(quote: b) }
            else if b == UInt8(ascii: ">") { endOfTag() }
            else { valueSoFar.append(b); state = .attributeValue(quote: nil) }
        case .attributeValue(let quote):
            if let quote {
                if b == quote { state = .beforeAttributeName } else { valueSoFar.append(b) }
            } else if HTMLContextScanner.isSpace(b) {
                state = .beforeAttributeName
            } else if b == UInt8(ascii: ">") {
                endOfTag()
            } else {
                valueSoFar.append(b)
            }
        case .markupDeclaration:
            valueSoFar.append(b)
            if valueSoFar == [0x2D, 0x2D] { state = .comment(dashes: 0) }
            else if b != 0x2D || valueSoFar.count > 2 { state = b == UInt8(ascii: ">") ? .data : .bogusComment }
        case .comment(let dashes):
            if b == UInt8(ascii: "-") { state = .comment(dashes: dashes + 1) }
            else if b == UInt8(ascii: ">") && dashes >= 2 { state = .data }
            else { state = .comment(dashes: 0) }
        case .bogusComment:
            if b == UInt8(ascii: ">") { state = .data }
        case .rawText(let end, let matched):
            // Looking for `</end` followed by a space, `/` or `>`.
            let target = end.endTag
            if matched == target.count {
                if HTMLContextScanner.isSpace(b) || b == UInt8(ascii: "/") || b == UInt8(ascii: ">") {
                    tag = Array(target.dropFirst(2))
                    isEndTag = true
                    state = b == UInt8(ascii: ">") ? .data : .beforeAttributeName
                } else {
                    state = .rawText(end: end, matched: 0)
                }
            } else if (b | (matched >= 2 ? 0x20 : 0)) == target[matched] {
                state = .rawText(end: end, matched: matched + 1)
            } else {
                state = .rawText(end: end, matched: b == UInt8(ascii: "<") ? 1 : 0)
            }
        }
    }

    static func == (a: HTMLContextScanner, b: HTMLContextScanner) -> Bool { a.state == b.state }
}
