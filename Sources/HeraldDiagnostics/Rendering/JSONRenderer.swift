import HeraldSource
import HeraldSupport

/// Renders diagnostics as a JSON array for tools: every field of the value, with positions both as
/// byte offsets and as 1-based line and column.
public struct JSONRenderer {
    public var sources: SourceManager

    public init(sources: SourceManager) { self.sources = sources }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        JSONValue.array(diagnostics.map(value)).prettyText()
    }

    public func value(_ d: Diagnostic) -> JSONValue {
        var o: [String: JSONValue] = [
            "code": .string(d.code),
            "name": .string(d.kind.name),
            "severity": .string(d.severity.rawValue),
            "message": .string(d.message),
            "notes": .array(d.notes.map { .string($0) }),
            "help": .optional(d.help),
            "labels": .array(d.labels.map { .object(["message": .string($0.message), "location": location($0.span)]) }),
            "fixes": .array(d.fixIts.map { fix in
                .object([
                    "message": .string(fix.message),
                    "edits": .array(fix.edits.map { .object(["location": location($0.span), "replacement": .string($0.replacement)]) }),
                ])
            }),
        ]
        o["location"] = d.span.map(location) ?? .null
        return .object(o)
    }

    func location(_ span: Span) -> JSONValue {
        guard let f = sources.file(span.file) else { return .null }
        let s = f.location(of: Int(span.start)), e = f.location(of: Int(span.end))
        return .object([
            "file": .string(f.path),
            "start": .int(Int64(span.start)), "end": .int(Int64(span.end)),
            "line": .int(Int64(s.line)), "column": .int(Int64(s.column)),
            "endLine": .int(Int64(e.line)), "endColumn": .int(Int64(e.column)),
        ])
    }
}
