/// A preheader: the preview text inboxes show after the subject. Without one, clients show the
/// first text of the body, often "View in browser" or alt text.
enum MissingPreheaderRule {
    static let rule = HTMLRule(kind: .missingPreheader, scope: .text) { doc in
        doc.hasPreheader ? [] : [HTMLFinding(element: nil, message: "This email has no preheader.",
                                             help: "Add `preheader:` to the message: one sentence that inboxes show after the subject.", atSubject: true)]
    }
}
