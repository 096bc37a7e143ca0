import HeraldSource

/// One problem found in the inputs: a value, never an thrown error.
///
/// The message is one sentence with code in backticks; the longer story goes in `help`, related
/// places in `labels`, and mechanical repairs in `fixIts`.
public struct Diagnostic: Sendable, Hashable {
    public var kind: DiagnosticKind
    public var severity: Severity
    public var message: String
    /// The primary place; nil only for problems that belong to no file (a missing project file).
    public var span: Span?
    public var labels: [DiagnosticLabel]
    public var notes: [String]
    public var help: String?
    public var fixIts: [FixIt]

    public init(_ kind: DiagnosticKind, _ message: String, at span: Span?, severity: Severity? = nil) {
        self.kind = kind
        self.severity = severity ?? kind.severity
        self.message = message
        self.span = span
        self.labels = []
        self.notes = []
        self.help = nil
        self.fixIts = []
    }

    public var code: String { kind.code }

    public func help(_ text: String?) -> Diagnostic {
        var d = self
        d.help = text
        return d
    }

    public func note(_ text: String) -> Diagnostic {
        var d = self
        d.notes.append(text)
        return d
    }

    public func label(_ span: Span, _ text: String) -> Diagnostic {
        var d = self
        d.labels.append(DiagnosticLabel(span: span, message: text))
        return d
    }

    public func fixIt(_ message: String, replacing span: Span, with replacement: String) -> Diagnostic {
        var d = self
        d.fixIts.append(FixIt(message: message, edits: [TextEdit(span: span, replacement: replacement)]))
        return d
    }

    /// Adds "did you mean" as help and as a fix-it when a close candidate exists.
    public func suggesting(_ word: String, among candidates: [String], at span: Span?) -> Diagnostic {
        guard let best = Suggestions.closest(to: word, among: candidates) else { return self }
        var d = help("Did you mean `\(best)`?")
        if let span { d = d.fixIt("Replace with `\(best)`.", replacing: span, with: best) }
        return d
    }
}

/// A secondary place that explains the primary one ("first defined here").
public struct DiagnosticLabel: Sendable, Hashable {
    public var span: Span
    public var message: String

    public init(span: Span, message: String) {
        self.span = span
        self.message = message
    }
}

/// A mechanical repair: one or more byte-range replacements.
public struct FixIt: Sendable, Hashable {
    public var message: String
    public var edits: [TextEdit]

    public init(message: String, edits: [TextEdit]) {
        self.message = message
        self.edits = edits
    }
}

/// Replace the bytes of `span` with `replacement`.
public struct TextEdit: Sendable, Hashable {
    public var span: Span
    public var replacement: String

    public init(span: Span, replacement: String) {
        self.span = span
        self.replacement = replacement
    }
}
