/// Event-handler attributes (`onclick`, `onload`, …): script, which no mail client runs.
enum EventHandlerRule {
    static let rule = HTMLRule(kind: .eventHandlerAttribute) { doc in
        doc.elements.flatMap { e in
            e.attributes.filter { $0.name.hasPrefix("on") && $0.name.count > 2 }.map { a in
                HTMLFinding(element: e, message: "The attribute `\(a.name)` on `<\(e.name)>` is a script handler, which email must not contain.",
                            help: "Remove the attribute; use a link to a web page for anything interactive.")
            }
        }
    }
}
