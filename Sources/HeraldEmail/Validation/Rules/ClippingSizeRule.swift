/// Gmail clips messages whose HTML exceeds 102 KB (102 × 1024 bytes), hiding the rest, often
/// including the unsubscribe link, behind "View entire message". Measured on each rendered version
/// with realistic sample values.
enum ClippingSizeRule {
    static let clipBytes = 102 * 1024
    static let warnBytes = 90 * 1024

    static func kilobytes(_ n: Int) -> String { String(Double(n * 10 / 1024) / 10) }

    static let nearRule = HTMLRule(kind: .nearClippingSize, scope: .text) { doc in
        let n = doc.html.utf8.count
        guard n >= warnBytes, n < clipBytes else { return [] }
        return [HTMLFinding(element: nil, message: "A version of this email is \(kilobytes(n)) KB, close to Gmail's clipping point of 102 KB.",
                            help: "Remove unused CSS, comments and whitespace, or shorten the content.")]
    }

    static let overRule = HTMLRule(kind: .clippedSize, scope: .text) { doc in
        let n = doc.html.utf8.count
        guard n >= clipBytes else { return [] }
        return [HTMLFinding(element: nil, message: "A version of this email is \(kilobytes(n)) KB; Gmail clips messages over 102 KB.",
                            help: "Gmail hides everything past the clipping point, including the unsubscribe link; shorten the email.")]
    }
}
