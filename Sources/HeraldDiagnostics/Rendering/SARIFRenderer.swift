import HeraldSource
import HeraldSupport

/// Renders diagnostics as SARIF 2.1.0, the format GitHub code scanning uploads.
///
/// Every known kind is listed as a rule so that results can reference it by index; regions are
/// 1-based lines and columns (columns in Unicode scalars, `columnKind: unicodeCodePoints`).
public struct SARIFRenderer {
    public var sources: SourceManager
    public var toolVersion: String

    public init(sources: SourceManager, toolVersion: String) {
        self.sources = sources
        self.toolVersion = toolVersion
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        let kinds = DiagnosticKind.all
        let index = Dictionary(uniqueKeysWithValues: kinds.enumerated().map { ($1.code, $0) })
        let rules: [JSONValue] = kinds.map { k in
            .object([
                "id": .string(k.code),
                "name": .string(k.name),
                "shortDescription": .object(["text": .string(k.summary)]),
                "fullDescription": .object(["text": .string(k.summary)]),
                "help": .object(["text": .string(k.explanation), "markdown": .string(k.explanation)]),
                "defaultConfiguration": .object(["level": .string(level(k.severity))]),
            ])
        }
        let results: [JSONValue] = diagnostics.map { d in
            var text = d.message
            if let help = d.help { text += " " + help }
            var r: [String: JSONValue] = [
                "ruleId": .string(d.code),
                "ruleIndex": .int(Int64(index[d.code] ?? 0)),
                "level": .string(level(d.severity)),
                "message": .object(["text": .string(text)]),
            ]
            if let span = d.span, let loc = location(span) { r["locations"] = .array([loc]) }
            let related = d.labels.compactMap { label -> JSONValue? in
                guard case .object(var o)? = location(label.span) else { return nil }
                o["message"] = .object(["text": .string(label.message)])
                return .object(o)
            }
            if !related.isEmpty {
                r["relatedLocations"] = .array(related.enumerated().map { i, v in
                    guard case .object(var o) = v else { return v }
                    o["id"] = .int(Int64(i))
                    return .object(o)
                })
            }
            let fixes: [JSONValue] = d.fixIts.compactMap { fix in
                var changes: [String: [JSONValue]] = [:]
                for edit in fix.edits {
                    guard let f = sources.file(edit.span.file) else { continue }
                    changes[f.path, default: []].append(.object([
                        "deletedRegion": region(edit.span, in: f),
                        "insertedContent": .object(["text": .string(edit.replacement)]),
                    ]))
                }
                guard !changes.isEmpty else { return nil }
                return .object([
                    "description": .object(["text": .string(fix.message)]),
                    "artifactChanges": .array(changes.keys.sorted().map { path in
                        .object(["artifactLocation": .object(["uri": .string(path)]), "replacements": .array(changes[path]!)])
                    }),
                ])
            }
            if !fixes.isEmpty { r["fixes"] = .array(fixes) }
            return .object(r)
        }
        let log: JSONValue = .object([
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": .array([.object([
                "tool": .object(["driver": .object([
                    "name": "herald",
                    "version": .string(toolVersion),
                    "rules": .array(rules),
                ])]),
                "columnKind": "unicodeCodePoints",
                "results": .array(results),
            ])]),
        ])
        return log.prettyText()
    }

    private func level(_ s: Severity) -> String {
        switch s {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "note"
        }
    }

    private func region(_ span: Span, in f: SourceFile) -> JSONValue {
        let s = f.location(of: Int(span.start)), e = f.location(of: Int(span.end))
        return .object([
            "startLine": .int(Int64(s.line)), "startColumn": .int(Int64(s.column)),
            "endLine": .int(Int64(e.line)), "endColumn": .int(Int64(max(e.column, e.line == s.line ? s.column + 1 : e.column))),
        ])
    }

    private func location(_ span: Span) -> JSONValue? {
        guard let f = sources.file(span.file) else { return nil }
        return .object(["physicalLocation": .object([
            "artifactLocation": .object(["uri": .string(f.path)]),
            "region": region(span, in: f),
        ])])
    }
}
