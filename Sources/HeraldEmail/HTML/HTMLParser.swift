internal import CLibXML2

/// A parsed HTML document as Swift values: what validation rules walk.
public enum HTMLNode: Sendable {
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
        var all = preorder().elements
        all.removeFirst()
        return all
    }

    /// This element and every element below it, depth first in document order, with the depth
    /// of each (0 for this one): an element's ancestors are, walking back, the nearest elements
    /// one level up. Each open level is its children and the next one to visit, so nodes are
    /// not copied onto a stack (this runs for every rendered version).
    public func preorder() -> (elements: [HTMLElement], depths: [Int]) {
        var elements: [HTMLElement] = [self]
        var depths = [0]
        var stack: [(nodes: [HTMLNode], next: Int)] = [(children, 0)]
        while let top = stack.indices.last {
            let i = stack[top].next
            guard i < stack[top].nodes.count else {
                stack.removeLast()
                continue
            }
            stack[top].next = i + 1
            if case .element(let e) = stack[top].nodes[i] {
                elements.append(e)
                depths.append(stack.count)
                if !e.children.isEmpty { stack.append((e.children, 0)) }
            }
        }
        return (elements, depths)
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
/// errors collected from that context's structured error callback, never from global state.
///
/// The Swift tree is built straight from the parser's SAX events (`HTMLTreeBuilder`) instead of
/// letting libxml2 build its own tree and copying that: building, copying and freeing the libxml2
/// tree was a third of parsing, and parsing is most of validation. The builder gives the tree
/// libxml2's builder gives (a differential test keeps `referenceParse`, which copies libxml2's
/// tree, as the oracle).
public enum HTMLParser {
    static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    public static func parse(_ text: String) -> HTMLParseResult { parse(Array(text.utf8)) }

    public static func parse(_ bytes: [UInt8]) -> HTMLParseResult {
        _ = initialized
        guard let ctxt = htmlNewParserCtxt() else { return HTMLParseResult(root: nil, problems: []) }
        defer { htmlFreeParserCtxt(ctxt) }
        let builder = HTMLTreeBuilder()
        let unmanaged = Unmanaged.passRetained(builder)
        defer { unmanaged.release() }
        ctxt.pointee._private = unmanaged.toOpaque()
        builder.route(ctxt.pointee.sax)
        let doc = read(bytes, ctxt, options: HTML_PARSE_NONET.rawValue | HTML_PARSE_NODEFDTD.rawValue)
        if let doc { xmlFreeDoc(doc) }
        return HTMLParseResult(root: builder.finish(), problems: builder.problems)
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

    /// Runs a parser context over the bytes as UTF-8.
    static func read(_ bytes: [UInt8], _ ctxt: htmlParserCtxtPtr, options: UInt32) -> htmlDocPtr? {
        bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(1, buf.count)) { p in
                htmlCtxtReadMemory(ctxt, p, Int32(buf.count), "message.html", "UTF-8", Int32(options))
            }
        }
    }

    /// The problem an error libxml2 reports through a context's structured error callback.
    static func problem(_ error: xmlErrorPtr) -> HTMLProblem {
        let e = error.pointee
        var message = e.message.map { String(cString: $0) } ?? "HTML error"
        while message.hasSuffix("\n") { message.removeLast() }
        return HTMLProblem(line: Int(e.line), column: Int(e.int2), code: Int(e.code), message: message, isWarning: e.level == XML_ERR_WARNING)
    }

    static func string(_ p: UnsafePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }
}
