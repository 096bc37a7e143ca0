internal import CLibXML2

/// Builds `HTMLElement` values from libxml2's SAX events, the way libxml2's own tree builder
/// (SAX2.c) builds its tree, so that rules see the same document:
/// - element names lose a namespace prefix (`o:p` is `p`), and a name that is not namespace-
///   compliant is an error after which nothing more is built, as in libxml2;
/// - an attribute without a value is empty, except HTML's boolean ones, which get their name;
/// - adjacent text joins into one node, and so do adjacent `<script>`/`<style>` sections, but
///   not the one with the other;
/// - a repeated `id` (or `name` on `<a>`) is an error, as libxml2 reports it;
/// - only the first top-level element is the document; a later one becomes the last child of
///   that element when it is the document's first node (no doctype anywhere, no comment before
///   it), and is dropped otherwise.
final class HTMLTreeBuilder {
    /// Everything the builder keeps, in one value: each callback then checks exclusive access
    /// once, not once per property (the checks were a percent of validation).
    private var state = State()

    var problems: [HTMLProblem] { state.problems }

    /// Points a context's handler at this builder; libxml2's own handlers stay for the rest
    /// (the document and its doctype, which decide where a second top-level element goes).
    func route(_ sax: UnsafeMutablePointer<htmlSAXHandler>) {
        // libxml2 routes errors to `serror` only for SAX2-initialized handlers; the HTML parser itself
        // never looks at the flag, so marking the handler is enough to keep errors off stderr.
        sax.pointee.initialized = UInt32(XML_SAX2_MAGIC)
        sax.pointee.serror = { context, error in
            guard let error, let builder = HTMLTreeBuilder.of(context) else { return }
            builder.state.problems.append(HTMLParser.problem(error))
        }
        sax.pointee.startElement = { context, name, attributes in
            guard let context, let name, let builder = HTMLTreeBuilder.of(context) else { return }
            builder.state.start(name, attributes, context.assumingMemoryBound(to: xmlParserCtxt.self))
        }
        sax.pointee.endElement = { context, _ in HTMLTreeBuilder.of(context)?.state.end() }
        sax.pointee.characters = { context, bytes, count in HTMLTreeBuilder.of(context)?.state.characters(bytes, count, section: false) }
        sax.pointee.cdataBlock = { context, bytes, count in HTMLTreeBuilder.of(context)?.state.characters(bytes, count, section: true) }
        sax.pointee.comment = { context, value in HTMLTreeBuilder.of(context)?.state.comment(value) }
        sax.pointee.processingInstruction = { context, _, _ in HTMLTreeBuilder.of(context)?.state.instruction() }
    }

    private static func of(_ context: UnsafeMutableRawPointer?) -> HTMLTreeBuilder? {
        guard let context, let p = context.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private else { return nil }
        return Unmanaged<HTMLTreeBuilder>.fromOpaque(p).takeUnretainedValue()
    }

    /// The document's root element, once the parse is over.
    func finish() -> HTMLElement? { state.finish() }
}

/// The tree under construction: the open elements, pending text, the root once closed.
private struct State {
    var problems: [HTMLProblem] = []
    var stack: [HTMLElement] = []
    var root: HTMLElement?
    /// Whether a comment or an instruction came before the root element (a node of the document).
    var documentHasNode = false
    /// Whether the open top-level element will become the root's last child (see above).
    var appendingToRoot = false
    var text: [UInt8] = []
    var textIsSection = false
    var ids = Set<String>()

    mutating func finish() -> HTMLElement? {
        while !stack.isEmpty { end() }
        return root
    }

    mutating func start(_ fullName: UnsafePointer<xmlChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
                       _ ctxt: UnsafeMutablePointer<xmlParserCtxt>) {
        flush()
        let line = Int(ctxt.pointee.input?.pointee.line ?? 0)
        let name = localName(fullName, ctxt)
        var attrs: [(name: String, value: String)] = []
        if var a = attributes {
            while let attributeName = a.pointee {
                let valuePointer = (a + 1).pointee
                let attributeText = HTMLParser.string(attributeName)
                var value = HTMLParser.string(valuePointer)
                if valuePointer == nil, htmlIsBooleanAttr(attributeName) != 0 { value = attributeText }
                if (attributeText == "id" || (attributeText == "name" && name == "a")), !value.isEmpty, !ids.insert(value).inserted {
                    report(ctxt, code: Int(XML_DTD_ID_REDEFINED.rawValue), "ID \(value) already defined")
                }
                attrs.append((lowered(attributeText), value))
                a += 2
            }
        }
        if stack.isEmpty, root != nil {
            // libxml2 keeps only a doctype in its document here (it goes first, wherever it stood).
            appendingToRoot = !documentHasNode && ctxt.pointee.myDoc?.pointee.children == nil
        }
        stack.append(HTMLElement(name: lowered(name), attributes: attrs, children: [], line: line))
    }

    mutating func end() {
        flush()
        guard let element = stack.popLast() else { return }
        if !stack.isEmpty {
            stack[stack.count - 1].children.append(.element(element))
        } else if root == nil {
            root = element
        } else if appendingToRoot {
            root!.children.append(.element(element))
        }
    }

    mutating func characters(_ bytes: UnsafePointer<xmlChar>?, _ count: Int32, section: Bool) {
        guard let bytes, count > 0, !stack.isEmpty else { return }
        if !text.isEmpty && textIsSection != section { flush() }
        textIsSection = section
        text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: Int(count)))
    }

    mutating func comment(_ value: UnsafePointer<xmlChar>?) {
        flush()
        guard !stack.isEmpty else {
            if root == nil { documentHasNode = true }
            return
        }
        stack[stack.count - 1].children.append(.comment(HTMLParser.string(value)))
    }

    /// A processing instruction is no node of ours, but it separates the text around it.
    mutating func instruction() {
        flush()
        if stack.isEmpty && root == nil { documentHasNode = true }
    }

    mutating func flush() {
        guard !text.isEmpty else { return }
        stack[stack.count - 1].children.append(.text(String(decoding: text, as: UTF8.self)))
        text.removeAll(keepingCapacity: true)
    }

    /// The name without its namespace prefix, as libxml2's `xmlSplitQName` takes it. A name that
    /// is not namespace-compliant is reported, and libxml2 builds nothing after its element.
    mutating func localName(_ fullName: UnsafePointer<xmlChar>, _ ctxt: UnsafeMutablePointer<xmlParserCtxt>) -> String {
        let name = HTMLParser.string(fullName)
        let bytes = name.utf8
        guard bytes.first != 0x3A, let colon = bytes.firstIndex(of: 0x3A), bytes.index(after: colon) != bytes.endIndex else { return name }
        let first = bytes[bytes.index(after: colon)]
        let letter = (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A
        if !letter && first != 0x5F && first != 0x3A && first < 0x80 {
            report(ctxt, code: Int(XML_NS_ERR_QNAME.rawValue), "Name \(name) is not XML Namespace compliant")
            ctxt.pointee.disableSAX = 1
        }
        return String(name[bytes.index(after: colon)...])
    }

    mutating func report(_ ctxt: UnsafeMutablePointer<xmlParserCtxt>, code: Int, _ message: String) {
        let input = ctxt.pointee.input?.pointee
        problems.append(HTMLProblem(line: Int(input?.line ?? 0), column: Int(input?.col ?? 0), code: code, message: message, isWarning: false))
    }

    /// Lower case, without allocating for the names the parser has already lowered.
    func lowered(_ s: String) -> String {
        s.utf8.contains { ($0 >= 0x41 && $0 <= 0x5A) || $0 >= 0x80 } ? s.lowercased() : s
    }
}
