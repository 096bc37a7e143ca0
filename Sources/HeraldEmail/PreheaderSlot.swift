import HeraldSource

/// Puts the preheader into the HTML part, as MJML does: hidden preview text right after `<body>`.
/// It is a slot the compiler fills (`herald:preheader`, a name no layout can use), so arms that
/// override the preheader override the slot, and send systems need nothing new to render it.
enum PreheaderSlot {
    static let name = "herald:preheader"
    static let open = "<div style=\"display:none;font-size:1px;color:#ffffff;line-height:1px;max-height:0px;max-width:0px;opacity:0;overflow:hidden;\">"
    static let close = "</div>"

    /// The slot content: the plain-text preheader program, HTML-escaped, inside the hidden `<div>`.
    static func content(_ plain: [RenderNode]) -> [RenderNode] {
        [.text(open, nil)] + plain.map(escaped) + [.text(close, nil)]
    }

    private static func escaped(_ n: RenderNode) -> RenderNode {
        switch n {
        case .text(let s, let span): return .text(HTMLEscaping.escape(s), span)
        case .output(var o): o.escape = .html; return .output(o)
        case .conditional(let branches, let elseBody):
            return .conditional(branches: branches.map { b in var b = b; b.body = b.body.map(escaped); return b }, elseBody: elseBody?.map(escaped))
        case .caseOf(let subject, let whens, let elseBody):
            return .caseOf(subject: subject, whens: whens.map { w in var w = w; w.body = w.body.map(escaped); return w }, elseBody: elseBody?.map(escaped))
        case .loop(var l):
            l.body = l.body.map(escaped)
            l.elseBody = l.elseBody?.map(escaped)
            return .loop(l)
        case .assign, .slot: return n
        }
    }

    /// The HTML program with the slot inserted after the first top-level `<body …>` tag, or at the
    /// start when the body has no `<body>` tag.
    static func insert(into html: [RenderNode]) -> [RenderNode] {
        for (i, n) in html.enumerated() {
            guard case .text(let s, let span) = n, let end = bodyTagEnd(s) else { continue }
            let head = String(decoding: Array(s.utf8)[..<end], as: UTF8.self)
            let tail = String(decoding: Array(s.utf8)[end...], as: UTF8.self)
            let tailSpan = span.map { Span(file: $0.file, start: Int($0.start) + end, end: Int($0.end)) }
            let headSpan = span.map { Span(file: $0.file, start: Int($0.start), end: Int($0.start) + end) }
            var out = Array(html[..<i])
            out.append(.text(head, headSpan))
            out.append(.slot(name))
            if !tail.isEmpty { out.append(.text(tail, tailSpan)) }
            out += html[(i + 1)...]
            return out
        }
        return [.slot(name)] + html
    }

    /// The byte offset just past `<body …>` in literal text, if the tag is complete there.
    static func bodyTagEnd(_ s: String) -> Int? {
        let bytes = Array(s.utf8)
        let needle = Array("<body".utf8)
        var i = 0
        while i + needle.count <= bytes.count {
            if bytes[i..<(i + needle.count)].elementsEqual(needle, by: { $0 | 0x20 == $1 | 0x20 }),
               i + needle.count == bytes.count || [0x3E, 0x20, 0x09, 0x0A, 0x0D, 0x2F].contains(bytes[i + needle.count]) {
                var j = i + needle.count
                var quote: UInt8? = nil
                while j < bytes.count {
                    let b = bytes[j]
                    if let q = quote { if b == q { quote = nil } }
                    else if b == 0x22 || b == 0x27 { quote = b }
                    else if b == 0x3E { return j + 1 }
                    j += 1
                }
                return nil
            }
            i += 1
        }
        return nil
    }
}
