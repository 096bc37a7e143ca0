import Foundation
import HeraldSupport

/// The plain-text part derived from rendered HTML, for messages without their own `text`:
/// headings and paragraphs as blocks separated by a blank line, list items as `- ` (or `1. `)
/// lines, table rows as lines, images as their alt text, links as numbered footnotes listed at
/// the end, and nothing of what is hidden (`<head>`, `<style>`, `display: none`, the preheader).
/// `docs/bundle-format.md` describes the same rules for send systems.
public enum PlainText {
    public static func derive(fromHTML html: String) -> String {
        guard let root = HTMLParser.parse(html).root else { return "" }
        var writer = Writer()
        writer.walk(root)
        return writer.finish()
    }

    static let blocks: Set<String> = [
        "p", "div", "table", "tr", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article",
        "header", "footer", "main", "nav", "aside", "center", "hr", "pre", "address", "figure", "figcaption", "dl", "dt", "dd",
    ]
    static let paragraphs: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "table", "hr", "pre", "address"]
    static let skipped: Set<String> = ["head", "style", "script", "title", "template", "noscript"]

    /// Accumulates lines; `pendingBreak` is the separation owed before the next text (1 newline or a blank line).
    struct Writer {
        var out = ""
        var line = ""
        var pendingBreak = 0
        var links: [String] = []
        var lists: [(ordered: Bool, next: Int)] = []

        /// Appends text with HTML's whitespace rule: every run of whitespace is one space.
        mutating func text(_ s: String) {
            var collapsed = ""
            var space = false
            for ch in s {
                if ch.isWhitespace { space = true; continue }
                if space { collapsed.append(" ") }
                space = false
                collapsed.append(ch)
            }
            if space { collapsed.append(" ") }
            if collapsed == " " {
                if !line.isEmpty && !line.hasSuffix(" ") { line.append(" ") }
                return
            }
            guard !collapsed.isEmpty else { return }
            flushBreak()
            if (line.isEmpty || line.hasSuffix(" ")) && collapsed.hasPrefix(" ") { collapsed.removeFirst() }
            line += collapsed
        }

        mutating func flushBreak() {
            guard pendingBreak > 0 else { return }
            endLine()
            if !out.isEmpty { out += String(repeating: "\n", count: pendingBreak) }
            pendingBreak = 0
        }

        mutating func endLine() {
            let trimmed = line.trimmedOfSpaces
            if !trimmed.isEmpty { out += trimmed }
            line = ""
        }

        mutating func requestBreak(_ n: Int) {
            let hasContent = !out.isEmpty || !line.trimmedOfSpaces.isEmpty
            if hasContent { pendingBreak = max(pendingBreak, n) }
        }

        static func hidden(_ e: HTMLElement) -> Bool {
            if e.has("hidden") { return true }
            return e.attribute("style").map { CSSText($0).contains(CSSText.displayNone) } ?? false
        }

        mutating func walk(_ e: HTMLElement) {
            if PlainText.skipped.contains(e.name) || Writer.hidden(e) { return }
            let isBlock = PlainText.blocks.contains(e.name)
            if isBlock { requestBreak(PlainText.paragraphs.contains(e.name) ? 2 : 1) }
            switch e.name {
            case "br":
                flushBreak()
                endLine()
                out += "\n"
                return
            case "hr":
                requestBreak(2)
                flushBreak()
                line = "----------"
                requestBreak(2)
                return
            case "img":
                if let alt = e.attribute("alt"), !alt.trimmedOfSpaces.isEmpty { text(alt) }
                return
            case "ul", "ol":
                lists.append((e.name == "ol", 1))
            case "li":
                requestBreak(1)
                flushBreak()
                if let last = lists.indices.last {
                    line += lists[last].ordered ? "\(lists[last].next). " : "- "
                    lists[last].next += 1
                } else {
                    line += "- "
                }
            case "td", "th":
                if !line.trimmedOfSpaces.isEmpty { text(" ") }
            default:
                break
            }
            let headingStart = out.utf8.count + line.utf8.count
            for child in e.children {
                switch child {
                case .text(let s): text(s)
                case .element(let c): walk(c)
                case .comment: break
                }
            }
            if e.name == "h1" || e.name == "h2" {
                // Top headings stand out in capitals, as plain-text mail conventionally shows them.
                if line.utf8.count + out.utf8.count > headingStart { line = line.uppercased() }
            }
            if e.name == "a", let href = e.attribute("href")?.trimmedOfSpaces, !href.isEmpty, !href.hasPrefix("#") {
                let shown = e.textContent.trimmed
                if shown != href && !(href.hasPrefix("mailto:") && shown == href.dropFirst(7)) {
                    if let i = links.firstIndex(of: href) { line += " [\(i + 1)]" } else { links.append(href); line += " [\(links.count)]" }
                }
            }
            if e.name == "ul" || e.name == "ol" { lists.removeLast() }
            if isBlock { requestBreak(PlainText.paragraphs.contains(e.name) ? 2 : 1) }
        }

        mutating func finish() -> String {
            pendingBreak = 0
            endLine()
            if !links.isEmpty {
                out += "\n\n" + links.enumerated().map { "[\($0.offset + 1)] \($0.element)" }.joined(separator: "\n")
            }
            return out.isEmpty ? "" : out + "\n"
        }
    }
}
