/// Event-handler attributes (`onclick`, `onload`, …): script, which no mail client runs.
enum EventHandlerRule {
    static let rule = HTMLRule(kind: .eventHandlerAttribute) { doc in
        var out: [HTMLFinding] = []
        for e in doc.elements {
            for a in e.attributes where isHandler(a.name) {
                out.append(HTMLFinding(element: e, message: "The attribute `\(a.name)` on `<\(e.name)>` is a script handler, which email must not contain.",
                                       help: "Remove the attribute; use a link to a web page for anything interactive."))
            }
        }
        return out
    }

    /// `on` and at least one more letter (names are lower-cased), read from the bytes: every
    /// attribute of every element of every version passes here.
    static func isHandler(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { $0.count > 2 && $0[0] == 0x6F && $0[1] == 0x6E }
    }
}
