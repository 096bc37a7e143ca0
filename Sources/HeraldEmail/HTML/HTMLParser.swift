internal import CLibXML2

/// A parsed HTML document as Swift values: what validation rules walk.
public indirect enum HTMLNode: Sendable {
    case element(HTMLElement)
    case text(String)
    case comment(String)
}

public struct HTMLElement: Sendable {
    /// Lower-case tag name.
    public var name: String
    /// Attributes in document order, names lower-cased.
    public var attributes: [(name: String, value: String)]
    public var children: [HTMLNode]
    /// 1-based line in the parsed text.
    public var line: Int

    public func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
    public func has(_ name: String) -> Bool { attributes.contains { $0.name == name } }

    /// Every element below this one, depth first, in document order (iterative: no recursion limit).
    public var descendants: [HTMLElement] {
        var out: [HTMLElement] = []
        var stack: [HTMLNode] = children.reversed()
        while let n = stack.popLast() {
            if case .element(let e) = n {
                out.append(e)
                stack.append(contentsOf: e.children.reversed())
            }
        }
        return out
    }

    /// The element's text content.
    public var textContent: String {
        var out = ""
        var stack: [HTMLNode] = children.reversed()
        while let n = stack.popLast() {
            switch n {
            case .text(let s): out += s
            case .element(let e): stack.append(contentsOf: e.children.reversed())
            case .comment: break
            }
        }
        return out
    }
}

/// A problem libxml2 reported while parsing, at a 1-based line and column of the parsed text.
public struct HTMLProblem: Sendable, Hashable {
    public var line: Int
    public var column: Int
    /// libxml2's error code (for example 801, unknown tag; 76, tag name mismatch).
    public var code: Int
    public var message: String
    public var isWarning: Bool
}

public struct HTMLParseResult: Sendable {
    public var root: HTMLElement?
    public var problems: [HTMLProblem]
}

/// The only code that touches libxml2: one parser context per call (so parsing is thread-safe),
/// errors collected from that context's structured error callback, never from global state, and
/// the tree copied into Swift values before the document is freed.
public enum HTMLParser {
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Collects a context's errors; reached through the context's `_private` pointer.
    private final class ErrorSink {
        var problems: [HTMLProblem] = []
    }

    public static func parse(_ text: String) -> HTMLParseResult { parse(Array(text.utf8)) }

    public static func parse(_ bytes: [UInt8]) -> HTMLParseResult {
        _ = initialized
        guard let ctxt = htmlNewParserCtxt() else { return HTMLParseResult(root: nil, problems: []) }
        defer { htmlFreeParserCtxt(ctxt) }
        let sink = ErrorSink()
        let unmanaged = Unmanaged.passRetained(sink)
        defer { unmanaged.release() }
        ctxt.pointee._private = unmanaged.toOpaque()
        // libxml2 routes errors to `serror` only for SAX2-initialized handlers; the HTML parser itself
        // never looks at the flag, so marking the handler is enough to keep errors off stderr.
        ctxt.pointee.sax.pointee.initialized = UInt32(XML_SAX2_MAGIC)
        ctxt.pointee.sax.pointee.serror = { userData, error in
            guard let userData, let error else { return }
            let ctxt = userData.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let priv = ctxt.pointee._private else { return }
            let sink = Unmanaged<ErrorSink>.fromOpaque(priv).takeUnretainedValue()
            let e = error.pointee
            var message = e.message.map { String(cString: $0) } ?? "HTML error"
            while message.hasSuffix("\n") { message.removeLast() }
            sink.problems.append(HTMLProblem(line: Int(e.line), column: Int(e.int2), code: Int(e.code), message: message,
                                             isWarning: e.level == XML_ERR_WARNING))
        }
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NODEFDTD.rawValue)
        let doc: htmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(1, buf.count)) { p in
                htmlCtxtReadMemory(ctxt, p, Int32(buf.count), "message.html", "UTF-8", options)
            }
        }
        defer { if let doc { xmlFreeDoc(doc) } }
        var root: HTMLElement?
        if let doc, let r = xmlDocGetRootElement(doc) { root = convert(r) }
        return HTMLParseResult(root: root, problems: sink.problems)
    }

    /// The cost floor of reading HTML: libxml2's parser over the bytes, errors silenced, the tree
    /// freed at once (the compiler benchmark's baseline). Whether a document came out.
    public static func parseFloor(_ bytes: [UInt8]) -> Bool {
        _ = initialized
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NODEFDTD.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
        let doc: htmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress.map { p in
                p.withMemoryRebound(to: CChar.self, capacity: buf.count) { htmlReadMemory($0, Int32(buf.count), "floor.html", "UTF-8", options) }
            } ?? nil
        }
        guard let doc else { return false }
        xmlFreeDoc(doc)
        return true
    }

    private static func string(_ p: UnsafePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }

    /// Copies the libxml2 tree into Swift values with an explicit stack (documents may be deeply nested).
    private static func convert(_ rootNode: xmlNodePtr) -> HTMLElement {
        final class Builder {
            var element: HTMLElement
            init(_ e: HTMLElement) { element = e }
        }
        func makeElement(_ n: xmlNodePtr) -> HTMLElement {
            var attrs: [(String, String)] = []
            var a = n.pointee.properties
            while let attr = a {
                let name = string(attr.pointee.name).lowercased()
                // An HTML attribute's value is the text of its child nodes (read in place: nothing to free).
                var value = ""
                var child = attr.pointee.children
                while let c = child {
                    value += string(c.pointee.content)
                    child = c.pointee.next
                }
                attrs.append((name, value))
                a = attr.pointee.next
            }
            return HTMLElement(name: string(n.pointee.name).lowercased(), attributes: attrs, children: [], line: Int(xmlGetLineNo(n)))
        }
        let rootBuilder = Builder(makeElement(rootNode))
        // Each frame: the builder of an element and the next child of its libxml2 node to visit.
        var stack: [(Builder, xmlNodePtr?)] = [(rootBuilder, rootNode.pointee.children)]
        while !stack.isEmpty {
            let (builder, next) = stack[stack.count - 1]
            guard let child = next else {
                stack.removeLast()
                if let parent = stack.last?.0 { parent.element.children.append(.element(builder.element)) }
                continue
            }
            stack[stack.count - 1].1 = child.pointee.next
            switch child.pointee.type {
            case XML_ELEMENT_NODE:
                stack.append((Builder(makeElement(child)), child.pointee.children))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                builder.element.children.append(.text(string(child.pointee.content)))
            case XML_COMMENT_NODE:
                builder.element.children.append(.comment(string(child.pointee.content)))
            default:
                break
            }
        }
        return rootBuilder.element
    }
}
