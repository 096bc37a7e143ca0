import HeraldDiagnostics
import HeraldSource

/// Turns libxml2's problems in a rendered document into diagnostics at their place in the source
/// templates, using the renderer's trace of where each literal text landed.
struct HTMLProblemMapper {
    let rendered: [UInt8]
    let trace: [(offset: Int, span: Span)]
    let fallback: Span
    /// The bytes of a source file, to step over what a literal's text dropped from its file
    /// (the indentation of a YAML block, quotes and escapes).
    let source: (FileID) -> [UInt8]?
    private let lineStarts: [Int]

    init(rendered: String, trace: [(offset: Int, span: Span)], fallback: Span, source: @escaping (FileID) -> [UInt8]? = { _ in nil }) {
        self.rendered = Array(rendered.utf8)
        self.trace = trace
        self.fallback = fallback
        self.source = source
        self.lineStarts = SourceFile.computeLineStarts(self.rendered)
    }

    /// The rendered byte offset of a 1-based line and column (columns count characters).
    func offset(line: Int, column: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return rendered.count }
        var i = lineStarts[line - 1]
        var col = 1
        while i < rendered.count && col < column && rendered[i] != 0x0A {
            i += 1
            while i < rendered.count && rendered[i] & 0xC0 == 0x80 { i += 1 }
            col += 1
        }
        return i
    }

    /// The source span of a rendered offset: inside the literal text that produced it.
    func span(atRendered offset: Int) -> Span {
        var lo = 0, hi = trace.count - 1, best = -1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if trace[mid].offset <= offset { best = mid; lo = mid + 1 } else { hi = mid - 1 }
        }
        guard best >= 0 else { return fallback }
        let entry = trace[best]
        let start: Int
        if let bytes = source(entry.span.file), Int(entry.span.end) <= bytes.count {
            // Walk the literal's rendered bytes and its source together; source bytes that do not
            // match were dropped when the text was read (indentation, escapes).
            var i = entry.offset, j = Int(entry.span.start)
            while i < offset && i < rendered.count && j < Int(entry.span.end) {
                if rendered[i] == bytes[j] { i += 1 }
                j += 1
            }
            start = j
        } else {
            start = Int(entry.span.start) + max(0, min(offset - entry.offset, entry.span.length))
        }
        return Span(file: entry.span.file, start: start, end: min(Int(entry.span.end), start + 1))
    }

    func span(line: Int, column: Int) -> Span { span(atRendered: offset(line: line, column: column)) }

    /// The span of a problem, moved back to the tag it is about (libxml2 reports the position after it).
    func span(of p: HTMLProblem) -> Span {
        var at = offset(line: p.line, column: p.column)
        var tagName: String?
        if p.message.hasPrefix("Unexpected end tag : ") { tagName = String(p.message.dropFirst("Unexpected end tag : ".count)) }
        if p.message.hasPrefix("Opening and ending tag mismatch: ") {
            tagName = p.message.components(separatedBy: " and ").last
        }
        if let name = tagName {
            let needle = Array("</\(name)".utf8)
            var i = min(at, rendered.count) - needle.count
            while i >= max(0, at - 512) {
                if Array(rendered[i..<(i + needle.count)]) == needle { at = i; break }
                i -= 1
            }
        }
        var s = span(atRendered: at)
        if let name = tagName { s.end = min(s.end + UInt32(name.utf8.count + 2), s.end + 64) }
        return s
    }

    /// Elements libxml2's HTML 4 parser does not know but HTML email uses legitimately.
    static let modernElements: Set<String> = [
        "article", "aside", "bdi", "data", "datalist", "details", "dialog", "figcaption", "figure", "footer", "header", "main",
        "mark", "meter", "nav", "output", "picture", "progress", "rp", "rt", "ruby", "section", "source", "summary", "template",
        "time", "wbr", "audio", "video", "track", "canvas", "svg", "path", "g", "circle", "rect", "line", "polygon", "polyline",
        "ellipse", "defs", "use", "slot",
    ]

    /// A readable sentence for libxml2's message, or nil for problems that are not problems in email HTML.
    static func sentence(for p: HTMLProblem) -> String? {
        let m = p.message
        if p.code == 801, let name = m.split(separator: " ").dropFirst().first.map(String.init) {
            if modernElements.contains(name.lowercased()) || name.lowercased().hasPrefix("amp-") { return nil }
            return "`<\(name)>` is not an HTML element."
        }
        if m.hasPrefix("Unexpected end tag : ") {
            return "The end tag `</\(m.dropFirst("Unexpected end tag : ".count))>` closes no open element."
        }
        if m.hasPrefix("Opening and ending tag mismatch: ") {
            let parts = m.dropFirst("Opening and ending tag mismatch: ".count).components(separatedBy: " and ")
            if parts.count == 2 { return "The end tag `</\(parts[1])>` does not match the open `<\(parts[0])>`." }
        }
        if m.contains("htmlParseEntityRef: expecting ';'") {
            return "An `&` starts a character reference that never ends with `;`; write `&amp;` for a literal ampersand."
        }
        if m.contains("htmlParseEntityRef: no name") { return nil }
        if m.hasPrefix("Element ") && m.contains("embeds close tag") { return nil }
        let trimmed = m.hasSuffix(".") ? String(m.dropLast()) : m
        return trimmed.prefix(1).uppercased() + trimmed.dropFirst() + "."
    }
}

import Foundation

extension HTMLProblemMapper {
    /// The source span of an element's start tag: libxml2 knows only its line, so the tag is found
    /// on that line by its rank among same-named elements there.
    func span(of element: HTMLElement, in root: HTMLElement?) -> Span {
        guard let root else { return fallback }
        let sameLine = root.preorder().elements.filter { $0.name == element.name && $0.line == element.line }
        let rank = sameLine.firstIndex { $0.line == element.line && $0.attributes.elementsEqual(element.attributes, by: { $0 == $1 })
                                           && $0.children.count == element.children.count } ?? 0
        let needle = Array("<\(element.name)".utf8)
        var at = offset(line: element.line, column: 1), seen = 0
        while at + needle.count <= rendered.count {
            if rendered[at..<(at + needle.count)].elementsEqual(needle, by: { a, b in a | 0x20 == b | 0x20 }) {
                if seen == rank { break }
                seen += 1
            }
            at += 1
        }
        guard at + needle.count <= rendered.count else { return fallback }
        if let exact = sourceTag(atRendered: at, name: element.name) { return exact }
        var s = span(atRendered: at + 1)
        s.end = s.start + UInt32(element.name.utf8.count)
        return s
    }

    /// The tag's name in the source, found by line rather than by byte: generated parts (AMP)
    /// insert text and rename tags (`<amp-img>` was `<img>`), but never add or remove lines.
    private func sourceTag(atRendered at: Int, name: String) -> Span? {
        var lo = 0, hi = trace.count - 1, best = -1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if trace[mid].offset <= at { best = mid; lo = mid + 1 } else { hi = mid - 1 }
        }
        guard best >= 0, let bytes = source(trace[best].span.file) else { return nil }
        let entry = trace[best]
        // Which line of the literal, and which same-named tag on that line of it.
        var lineStart = entry.offset, newlines = 0
        for i in entry.offset..<at where rendered[i] == 0x0A { newlines += 1; lineStart = i + 1 }
        let sourceName = name == "amp-img" ? "img" : name
        let renderedNeedle = Array("<\(name)".utf8), sourceNeedle = Array("<\(sourceName)".utf8)
        func occurrences(_ hay: ArraySlice<UInt8>, _ needle: [UInt8]) -> [Int] {
            var out: [Int] = []
            var i = hay.startIndex
            while i + needle.count <= hay.endIndex {
                if hay[i..<(i + needle.count)].elementsEqual(needle, by: { $0 | 0x20 == $1 | 0x20 }) { out.append(i) }
                i += 1
            }
            return out
        }
        let rank = occurrences(rendered[lineStart..<at], renderedNeedle).count
        var j = Int(entry.span.start), end = min(Int(entry.span.end), bytes.count)
        var k = 0
        while k < newlines, j < end { if bytes[j] == 0x0A { k += 1 }; j += 1 }
        var lineEnd = j
        while lineEnd < end, bytes[lineEnd] != 0x0A { lineEnd += 1 }
        end = lineEnd
        let found = occurrences(bytes[j..<end], sourceNeedle)
        guard rank < found.count else { return nil }
        let start = found[rank] + 1
        return Span(file: entry.span.file, start: start, end: start + sourceName.utf8.count)
    }
}
