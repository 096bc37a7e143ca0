import HeraldSupport

/// The AMP part of a message, generated from the same render programs as the HTML part: the
/// `<html>` tag marked `⚡4email data-css-strict`, the email boilerplate and the AMP runtime after
/// the charset meta, the viewport meta dropped, `<style>` made `<style amp-custom>`, the `<title>` dropped, and every
/// `<img>` made `<amp-img>` (responsive when it has a width and a height). What cannot be made AMP
/// this way (forms, scripts, oversized CSS) is left for the AMP rules to report.
enum AMPGenerator {
    static let headInsert = "<style amp4email-boilerplate>body{visibility:hidden}</style>"
        + "<script async src=\"https://cdn.ampproject.org/v0.js\"></script>"

    /// The message with its AMP part and AMP slot contents filled in; `document` is the AMP
    /// version of `m.html` when the caller already has it.
    static func add(to m: CompiledMessage, document ampHTML: [RenderNode]? = nil) -> CompiledMessage {
        var m = m
        m.ampHTML = ampHTML ?? document(m.html)
        m.ampSlots = m.slots.map(slot)
        for i in m.variants.indices { m.variants[i].ampSlots = m.variants[i].slots.map(slot) }
        return m
    }

    static func slot(_ s: CompiledSlot) -> CompiledSlot {
        var s = s
        s.alternatives = s.alternatives.map(fragment)
        if let l = s.loop, case .loop(let converted)? = fragment([.loop(l)]).first { s.loop = converted }
        return s
    }

    /// Rewrites a whole document's program (a body or layout); a document without a doctype gets
    /// one (AMP requires it), on the same line so that lines keep mapping to the source.
    static func document(_ nodes: [RenderNode]) -> [RenderNode] {
        var t = Transformer(isDocument: true)
        let out = t.nodes(nodes)
        if case .text(let first, _)? = out.first, first.drop(while: { $0.isWhitespace }).lowercased().hasPrefix("<!doctype") { return out }
        return [.text("<!doctype html>", nil)] + out
    }

    /// Rewrites a fragment (a block filling a slot).
    static func fragment(_ nodes: [RenderNode]) -> [RenderNode] {
        var t = Transformer(isDocument: false)
        return t.nodes(nodes)
    }

    /// Walks literal text in document order; an `<img>` tag may end in a later text node (after an
    /// output in one of its attributes), so the transformer carries that state across nodes.
    struct Transformer {
        let isDocument: Bool
        /// Inside an `<img>` start tag whose `>` has not been seen; the quote we are in, if any.
        var inImage = false
        var quote: UInt8?
        var insertedHead = false

        mutating func nodes(_ ns: [RenderNode]) -> [RenderNode] {
            ns.map { n in
                switch n {
                case .text(let s, let span): return .text(text(s), span)
                case .conditional(let branches, let elseBody):
                    return .conditional(branches: branches.map { b in var b = b; b.body = nodes(b.body); return b }, elseBody: elseBody.map { nodes($0) })
                case .caseOf(let subject, let whens, let elseBody):
                    return .caseOf(subject: subject, whens: whens.map { w in var w = w; w.body = nodes(w.body); return w }, elseBody: elseBody.map { nodes($0) })
                case .loop(var l):
                    l.body = nodes(l.body)
                    l.elseBody = l.elseBody.map { nodes($0) }
                    return .loop(l)
                default: return n
                }
            }
        }

        mutating func text(_ s: String) -> String {
            var bytes = Array(s.utf8)
            var out: [UInt8] = []
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if inImage {
                    out.append(b)
                    if let q = quote { if b == q { quote = nil } }
                    else if b == 0x22 || b == 0x27 { quote = b }
                    else if b == 0x3E {
                        // A void `<img>` becomes an element with an end tag; a self-closing `/>` loses its slash.
                        if out.count >= 2, out[out.count - 2] == 0x2F { out.remove(at: out.count - 2) }
                        out += Array("</amp-img>".utf8)
                        inImage = false
                    }
                    i += 1
                    continue
                }
                if b == 0x3C, let (name, end) = tagName(bytes, i) {
                    switch name {
                    case "img":
                        let tagEnd = tagEndIndex(bytes, from: end)
                        let tag = String(decoding: bytes[i..<(tagEnd ?? bytes.count)], as: UTF8.self).lowercased()
                        let responsive = tag.contains(" width=") && tag.contains(" height=") && !tag.contains(" layout=")
                        out += Array("<amp-img".utf8) + (responsive ? Array(" layout=\"responsive\"".utf8) : [])
                        i = end
                        inImage = true
                        quote = nil
                        continue
                    case "title":
                        // A title means nothing in email and is deprecated in AMP for Email.
                        let close = Array("</title>".utf8)
                        if let e = bytes.map(\.asciiLowercased).firstIndex(of: close, from: end) {
                            i = e + close.count
                            continue
                        }
                    case "html" where isDocument:
                        out += Array("<html ⚡4email data-css-strict".utf8)
                        // Without a `<head>` before `<body>`, the required head goes right after `<html …>`.
                        if let tagEnd = tagEndIndex(bytes, from: end) {
                            out += bytes[end...tagEnd]
                            i = tagEnd + 1
                            let rest = String(decoding: bytes[i...], as: UTF8.self).lowercased()
                            let head = rest.range(of: "<head"), body = rest.range(of: "<body")
                            if head == nil || (body != nil && body!.lowerBound < head!.lowerBound) {
                                out += Array(("<head><meta charset=\"utf-8\">" + AMPGenerator.headInsert + "</head>").utf8)
                                insertedHead = true
                            }
                        } else {
                            i = end
                        }
                        continue
                    case "style":
                        out += Array("<style amp-custom".utf8)
                        i = end
                        continue
                    case "meta":
                        guard let tagEnd = tagEndIndex(bytes, from: end) else { break }
                        let tag = String(decoding: bytes[i...tagEnd], as: UTF8.self).lowercased()
                        if tag.contains("viewport") { i = tagEnd + 1; continue }
                        out += bytes[i...tagEnd]
                        i = tagEnd + 1
                        if tag.contains("charset"), isDocument, !insertedHead {
                            out += Array(AMPGenerator.headInsert.utf8)
                            insertedHead = true
                        }
                        continue
                    case "head" where isDocument && !insertedHead:
                        // A head without a charset meta gets one, with the boilerplate and runtime.
                        guard let tagEnd = tagEndIndex(bytes, from: end) else { break }
                        let rest = String(decoding: bytes[(tagEnd + 1)...], as: UTF8.self).lowercased()
                        out += bytes[i...tagEnd]
                        i = tagEnd + 1
                        if !rest.contains("charset") {
                            out += Array(("<meta charset=\"utf-8\">" + AMPGenerator.headInsert).utf8)
                            insertedHead = true
                        }
                        continue
                    default: break
                    }
                }
                out.append(b)
                i += 1
            }
            bytes = out
            return String(decoding: bytes, as: UTF8.self)
        }

        /// The lower-cased name of a start tag at `i` and the index just past it.
        func tagName(_ bytes: [UInt8], _ i: Int) -> (String, Int)? {
            var j = i + 1
            while j < bytes.count, AMPSource.isLetter(bytes[j]) || (bytes[j] >= 0x30 && bytes[j] <= 0x39) || bytes[j] == 0x2D { j += 1 }
            guard j > i + 1 else { return nil }
            guard j == bytes.count || AMPSource.isSpace(bytes[j]) || bytes[j] == 0x3E || bytes[j] == 0x2F else { return nil }
            return (String(decoding: bytes[(i + 1)..<j], as: UTF8.self).lowercased(), j)
        }

        /// The index of the `>` ending a tag, outside quotes, in this text.
        func tagEndIndex(_ bytes: [UInt8], from start: Int) -> Int? {
            var q: UInt8?
            var j = start
            while j < bytes.count {
                let b = bytes[j]
                if let qq = q { if b == qq { q = nil } } else if b == 0x22 || b == 0x27 { q = b } else if b == 0x3E { return j }
                j += 1
            }
            return nil
        }
    }
}
