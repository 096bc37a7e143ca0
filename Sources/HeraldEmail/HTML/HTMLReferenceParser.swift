internal import CLibXML2

extension HTMLParser {
    /// The tree libxml2 builds itself, copied into Swift values: the oracle `HTMLTreeBuilder` is
    /// tested against (tests only; `parse` builds the same tree from SAX events, faster).
    static func referenceParse(_ bytes: [UInt8]) -> HTMLParseResult {
        _ = initialized
        guard let ctxt = htmlNewParserCtxt() else { return HTMLParseResult(root: nil, problems: []) }
        defer { htmlFreeParserCtxt(ctxt) }
        final class ErrorSink { var problems: [HTMLProblem] = [] }
        let sink = ErrorSink()
        let unmanaged = Unmanaged.passRetained(sink)
        defer { unmanaged.release() }
        ctxt.pointee._private = unmanaged.toOpaque()
        ctxt.pointee.sax.pointee.initialized = UInt32(XML_SAX2_MAGIC)
        ctxt.pointee.sax.pointee.serror = { userData, error in
            guard let userData, let error, let p = userData.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private else { return }
            Unmanaged<ErrorSink>.fromOpaque(p).takeUnretainedValue().problems.append(HTMLParser.problem(error))
        }
        let doc = read(bytes, ctxt, options: HTML_PARSE_NONET.rawValue | HTML_PARSE_NODEFDTD.rawValue)
        defer { if let doc { xmlFreeDoc(doc) } }
        var root: HTMLElement?
        if let doc, let r = xmlDocGetRootElement(doc) { root = copy(r) }
        return HTMLParseResult(root: root, problems: sink.problems)
    }

    /// Copies the libxml2 tree into Swift values with an explicit stack (documents may be deeply nested).
    private static func copy(_ rootNode: xmlNodePtr) -> HTMLElement {
        final class Builder {
            var element: HTMLElement
            init(_ e: HTMLElement) { element = e }
        }
        func makeElement(_ n: xmlNodePtr) -> HTMLElement {
            var attrs: [(String, String)] = []
            var a = n.pointee.properties
            while let attr = a {
                let name = string(attr.pointee.name).lowercased()
                // An HTML attribute's value is the text of its child nodes.
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
            case XML_ELEMENT_NODE: stack.append((Builder(makeElement(child)), child.pointee.children))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: builder.element.children.append(.text(string(child.pointee.content)))
            case XML_COMMENT_NODE: builder.element.children.append(.comment(string(child.pointee.content)))
            default: break
            }
        }
        return rootBuilder.element
    }
}
