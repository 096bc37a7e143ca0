/// The stable identity of one kind of diagnostic: its code, a short name, its default severity and
/// the page `herald explain CODE` prints.
///
/// Codes are never reused or renumbered; every kind is listed in `DiagnosticKind.all`.
public struct DiagnosticKind: Sendable, Hashable {
    /// `H` followed by four digits; the first two digits name the phase (see `docs/diagnostics.md`).
    public let code: String
    /// A kebab-case name, stable like the code, used in SARIF rule names.
    public let name: String
    public let severity: Severity
    /// One sentence saying what is wrong, without the specifics of one occurrence.
    public let summary: String
    /// The explain page in Markdown: why it matters, an example, and how to fix it.
    public let explanation: String

    public init(_ code: String, _ name: String, _ severity: Severity, summary: String, explanation: String) {
        self.code = code
        self.name = name
        self.severity = severity
        self.summary = summary
        self.explanation = explanation
    }

    public static func == (lhs: DiagnosticKind, rhs: DiagnosticKind) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    /// Every kind Herald can report, in code order.
    public static var all: [DiagnosticKind] {
        (readingKinds + structureKinds + expressionKinds + templateKinds + emailKinds + planKinds
            + sqlKinds + deliveryKinds + limitKinds).sorted { $0.code < $1.code }
    }

    /// Looks a kind up by code (`H0102`, `h0102` and `102` are all accepted) or by name.
    public static func lookup(_ query: String) -> DiagnosticKind? {
        let q = query.trimmingCharacters(in: .whitespaces)
        if let k = all.first(where: { $0.code.caseInsensitiveCompare(q) == .orderedSame || $0.name == q }) { return k }
        if let n = Int(q) {
            let code = "H" + String(repeating: "0", count: max(0, 4 - String(n).count)) + String(n)
            return all.first { $0.code == code }
        }
        return nil
    }
}

import Foundation
