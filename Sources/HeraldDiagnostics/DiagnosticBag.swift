import HeraldSource

/// Collects the diagnostics of a phase. Phases return a bag alongside their output; the driver
/// merges bags and sorts them by position before rendering.
public struct DiagnosticBag: Sendable {
    public private(set) var items: [Diagnostic] = []

    public init() {}

    public init(_ items: [Diagnostic]) { self.items = items }

    public mutating func emit(_ diagnostic: Diagnostic) { items.append(diagnostic) }

    public mutating func emit(_ kind: DiagnosticKind, _ message: String, at span: Span?) {
        items.append(Diagnostic(kind, message, at: span))
    }

    public mutating func merge(_ other: DiagnosticBag) { items.append(contentsOf: other.items) }

    public mutating func merge(_ other: [Diagnostic]) { items.append(contentsOf: other) }

    public var hasErrors: Bool { items.contains { $0.severity == .error } }

    public var errorCount: Int { items.filter { $0.severity == .error }.count }

    public var warningCount: Int { items.filter { $0.severity == .warning }.count }

    public var isEmpty: Bool { items.isEmpty }

    /// Sorted by file path, then position, then code; exact duplicates removed.
    public func sorted(using sources: SourceManager) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        let unique = items.filter { seen.insert($0).inserted }
        return unique.sorted { a, b in
            let pa = a.span.flatMap { sources.file($0.file)?.path } ?? ""
            let pb = b.span.flatMap { sources.file($0.file)?.path } ?? ""
            if pa != pb { return pa < pb }
            let sa = a.span?.start ?? 0, sb = b.span?.start ?? 0
            if sa != sb { return sa < sb }
            if a.code != b.code { return a.code < b.code }
            return a.message < b.message
        }
    }

    /// Promotes every warning to an error (`--strict`).
    public mutating func promoteWarnings() {
        for i in items.indices where items[i].severity == .warning { items[i].severity = .error }
    }
}
