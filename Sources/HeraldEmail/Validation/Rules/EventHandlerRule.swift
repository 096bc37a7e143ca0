/// Event-handler attributes (`onclick`, `onload`, …): script, which no mail client runs.
enum EventHandlerRule {
    static let rule = HTMLRule(kind: .eventHandlerAttribute, scope: .element) { doc in
        var out: [HTMLFinding] = []
        // Indexed, not iterated: `for e in` copies every element, retaining its attribute and child lists.
        doc.elements.withUnsafeBufferPointer { elements in
            for i in elements.indices where elements[i].attributes.contains(where: { isHandler($0.name) }) {
                let e = elements[i]
                for a in e.attributes where isHandler(a.name) {
                    out.append(HTMLFinding(element: e, message: "The attribute `\(a.name)` on `<\(e.name)>` is a script handler, which email must not contain.",
                                           help: "Remove the attribute; use a link to a web page for anything interactive."))
                }
            }
        }
        return out
    }

    /// `on` and at least one more letter (names are lower-cased), read from the bytes: every
    /// attribute of every element of every version passes here.
    static func isHandler(_ name: String) -> Bool {
        var bytes = name.utf8.makeIterator()
        return bytes.next() == 0x6F && bytes.next() == 0x6E && bytes.next() != nil
    }
}
