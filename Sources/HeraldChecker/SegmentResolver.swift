import Foundation
import HeraldDiagnostics
import HeraldSchema
import HeraldSource
import HeraldSyntax

/// Checks named segments on demand, in dependency order, and reports reference cycles with their
/// whole path. Each segment is checked once; campaigns then read the results, from every thread
/// at once (`resolve` holds a lock, re-entered when a segment's check resolves its references).
final class SegmentResolver: @unchecked Sendable {
    private let lock = NSRecursiveLock()
    private let schema: Schema
    private var syntax: [String: SegmentSyntax] = [:]
    private(set) var checked: [String: TypedExpr] = [:]
    private var failed: Set<String> = []
    private var visiting: [String] = []
    /// Names referenced by any segment or campaign.
    private(set) var referenced: Set<String> = []
    private var diagnostics = DiagnosticBag()

    init(schema: Schema, segments: [SegmentSyntax]) {
        self.schema = schema
        for s in segments { if let n = s.name?.value, syntax[n] == nil { syntax[n] = s } }
    }

    var names: [String] { syntax.keys.sorted() }

    /// Checks every segment; returns the diagnostics of all of them.
    func checkAll() -> DiagnosticBag {
        for name in names { _ = rule(of: name) }
        return diagnostics
    }

    /// Checks one segment (and, through references, what it uses).
    func checkOnly(_ name: String) -> DiagnosticBag {
        referenced.insert(name)
        _ = rule(of: name)
        return takeDiagnostics()
    }

    /// The diagnostics gathered so far, leaving none behind.
    func takeDiagnostics() -> DiagnosticBag {
        defer { diagnostics = DiagnosticBag() }
        return diagnostics
    }

    /// Every segment checked so far: in focus mode, exactly those reached through references.
    var reached: Set<String> { Set(checked.keys).union(failed) }

    /// The lookup campaigns and segments use for `segment.NAME`.
    func resolve(_ name: Located<String>, _ out: inout DiagnosticBag) -> TypedExpr? {
        lock.lock()
        defer { lock.unlock() }
        referenced.insert(name.value)
        if let i = visiting.firstIndex(of: name.value) {
            let path = (visiting[i...] + [name.value]).map { "`\($0)`" }.joined(separator: " → ")
            out.emit(Diagnostic(.segmentCycle, "The segment `\(name.value)` refers to itself: \(path).", at: name.span)
                .help("Rewrite one segment of the cycle without the reference."))
            return nil
        }
        guard syntax[name.value] != nil else {
            out.emit(Diagnostic(.unknownSegment, "There is no segment `\(name.value)`.", at: name.span)
                .suggesting(name.value, among: names, at: name.span))
            return nil
        }
        return rule(of: name.value)
    }

    private func rule(of name: String) -> TypedExpr? {
        if let r = checked[name] { return r }
        if failed.contains(name) { return nil }
        guard let s = syntax[name], let expr = s.rule else {
            failed.insert(name)
            return nil
        }
        visiting.append(name)
        var checker = ExpressionChecker(schema: schema) { [unowned self] ref, out in self.resolve(ref, &out) }
        let t = checker.condition(expr, scope: .audience, what: "a segment rule")
        visiting.removeLast()
        diagnostics.merge(checker.diagnostics)
        if t.type.isError {
            failed.insert(name)
            return nil
        }
        checked[name] = t
        return t
    }
}
