import HeraldDiagnostics
import HeraldSource
import HeraldSupport

/// Diagnostics as JSON for the check cache, with spans stored as a project-relative path and a
/// byte range, and read back against whichever `SourceManager` the next run has.
struct DiagnosticArchive {
    /// Project-relative path of a file id, and the reverse (adding the file when it is not loaded yet).
    var path: (FileID) -> String?
    var file: (String) -> FileID?

    private static let kinds: [String: DiagnosticKind] = Dictionary(uniqueKeysWithValues: DiagnosticKind.all.map { ($0.code, $0) })

    func json(_ d: Diagnostic) -> JSONValue {
        var o: [String: JSONValue] = ["code": .string(d.code), "severity": .string(d.severity.rawValue), "message": .string(d.message)]
        if let s = d.span { o["span"] = span(s) }
        if !d.labels.isEmpty { o["labels"] = .array(d.labels.map { ["span": span($0.span), "message": .string($0.message)] }) }
        if !d.notes.isEmpty { o["notes"] = .array(d.notes.map { .string($0) }) }
        if let h = d.help { o["help"] = .string(h) }
        if !d.fixIts.isEmpty {
            o["fix_its"] = .array(d.fixIts.map { f in
                ["message": .string(f.message), "edits": .array(f.edits.map { ["span": span($0.span), "replacement": .string($0.replacement)] })]
            })
        }
        return .object(o)
    }

    /// Nil when the entry names an unknown code or a file that no longer exists: the cache is then stale.
    func diagnostic(_ j: JSONValue) -> Diagnostic? {
        guard let code = j["code"]?.stringValue, let kind = DiagnosticArchive.kinds[code], let message = j["message"]?.stringValue,
              let severity = j["severity"]?.stringValue.flatMap(Severity.init(rawValue:)) else { return nil }
        var span: Span?
        if let s = j["span"] { guard let parsed = self.span(s) else { return nil }; span = parsed }
        var d = Diagnostic(kind, message, at: span, severity: severity)
        for l in j["labels"]?.arrayValue ?? [] {
            guard let s = l["span"].flatMap(self.span), let m = l["message"]?.stringValue else { return nil }
            d.labels.append(DiagnosticLabel(span: s, message: m))
        }
        d.notes = j["notes"]?.arrayValue?.compactMap(\.stringValue) ?? []
        d.help = j["help"]?.stringValue
        for f in j["fix_its"]?.arrayValue ?? [] {
            var edits: [TextEdit] = []
            for e in f["edits"]?.arrayValue ?? [] {
                guard let s = e["span"].flatMap(self.span), let r = e["replacement"]?.stringValue else { return nil }
                edits.append(TextEdit(span: s, replacement: r))
            }
            d.fixIts.append(FixIt(message: f["message"]?.stringValue ?? "", edits: edits))
        }
        return d
    }

    private func span(_ s: Span) -> JSONValue {
        ["path": .optional(path(s.file)), "start": .int(Int64(s.start)), "end": .int(Int64(s.end))]
    }

    private func span(_ j: JSONValue) -> Span? {
        guard let p = j["path"]?.stringValue, let id = file(p), let start = j["start"]?.intValue, let end = j["end"]?.intValue else { return nil }
        return Span(file: id, start: UInt32(clamping: start), end: UInt32(clamping: end))
    }
}
