/// The whole AMP document is at most 200,000 bytes.
enum AMPSizeRule {
    static let limit = 200_000

    static let rule = AMPRule(kind: .ampSize, scope: .text) { doc in
        doc.byteCount <= limit ? [] : [HTMLFinding(element: nil, message: "The AMP part is \(doc.byteCount) bytes; AMP for Email allows \(limit).",
                                                   help: "Mail clients show the HTML part instead of an AMP part over the limit.")]
    }
}
