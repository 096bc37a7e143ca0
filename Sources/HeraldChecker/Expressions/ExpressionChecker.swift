import HeraldDiagnostics
import HeraldSchema
import HeraldSource
import HeraldSyntax

/// Resolves names and types an expression of the audience language.
///
/// Null safety is flow-sensitive within `and`/`or` chains: after `x is not null and`, `x` may be
/// compared without a default. An ill-typed part becomes `.error` typed, which every rule accepts
/// silently, so one mistake yields one diagnostic.
public struct ExpressionChecker {
    public let schema: Schema
    /// Resolves `segment.NAME` to the segment's checked rule; nil when unknown or cyclic (already reported).
    let resolveSegment: (Located<String>, inout DiagnosticBag) -> TypedExpr?
    public var diagnostics = DiagnosticBag()
    /// Structural keys of expressions known to be non-null at this point (null-test narrowing).
    var nonNull: Set<String> = []

    public init(schema: Schema, resolveSegment: @escaping (Located<String>, inout DiagnosticBag) -> TypedExpr?) {
        self.schema = schema
        self.resolveSegment = resolveSegment
    }

    static func poisoned(_ span: Span) -> TypedExpr { TypedExpr(.literal(.null), .error, span) }

    /// Checks a condition: a non-null boolean (audience rules, `where` filters, block conditions).
    public mutating func condition(_ e: Expr, scope: ExpressionScope, what: String) -> TypedExpr {
        let t = check(e, scope: scope)
        return requireBool(t, what: what)
    }

    mutating func requireBool(_ t: TypedExpr, what: String) -> TypedExpr {
        if t.type.isError { return t }
        if t.type.base != .bool {
            diagnostics.emit(Diagnostic(.typeMismatch, "\(what.capitalizedFirst) must be a bool, but this is \(describe(t.type)).", at: t.span)
                .help(boolHelp(t)))
            return TypedExpr(t.kind, .error, t.span)
        }
        return requireNonNull(t, use: what)
    }

    private func boolHelp(_ t: TypedExpr) -> String? {
        switch t.type.base {
        case .int: return "Compare the number, as in `… >= 1`."
        case .decimal: return "Compare the number, as in `… > 0`."
        case .string, .email, .url, .enumeration: return "Compare the text, as in `… == \"value\"`."
        default: return nil
        }
    }

    func describe(_ t: TypeRef) -> String {
        switch t.base {
        case .int, .email, .url, .enumeration: return "an \(t)"
        default: return "a \(t)"
        }
    }

    /// Reports a nullable value used where null has no meaning, with a fix-it that adds a default.
    mutating func requireNonNull(_ t: TypedExpr, use: String) -> TypedExpr {
        guard t.type.nullable, !t.type.isError, t.type.base != .null, !nonNull.contains(t.structuralKey) else {
            return t
        }
        let fallback = defaultLiteral(for: t.type.base)
        var d = Diagnostic(.unhandledNull, "`\(ExprPrinter.print(t))` may be null, and \(use) cannot use null.", at: t.span)
            .help("Give a default with `?? \(fallback)`, or test it first with `is not null`.")
            .note(nullReason(t))
        d.fixIts.append(FixIt(message: "Default to `\(fallback)`.", edits: [
            TextEdit(span: Span(file: t.span.file, start: t.span.start, end: t.span.start), replacement: "("),
            TextEdit(span: t.span.endPoint, replacement: " ?? \(fallback))"),
        ]))
        diagnostics.emit(d)
        return TypedExpr(t.kind, t.type.withNullable(false), t.span)
    }

    private func nullReason(_ t: TypedExpr) -> String {
        switch t.kind {
        case .field(let f): return "The schema declares `\(f.name)` with `nullable: true`."
        case .eventProperty(let f): return "The property `\(f.name)` is nullable or may be missing from an event."
        case .aggregate(let a): return "`\(a.function.rawValue)` of no events is null."
        case .arithmetic(.divide, _, _): return "A division by zero is null."
        default: return "A part of it may be null."
        }
    }

    func defaultLiteral(for t: ValueType) -> String {
        switch t {
        case .int, .decimal: return "0"
        case .bool: return "false"
        case .string, .email, .url: return "\"\""
        case .enumeration(let e): return "\"\(e.values.first ?? "")\""
        case .timestamp: return "as_of"
        case .duration: return "0d"
        default: return "0"
        }
    }

    // MARK: - Dispatch

    public mutating func check(_ e: Expr, scope: ExpressionScope) -> TypedExpr {
        switch e.kind {
        case .invalid:
            return ExpressionChecker.poisoned(e.span)
        case .integer(let v):
            return TypedExpr(.literal(.int(v)), .int, e.span)
        case .decimal(let v):
            return TypedExpr(.literal(.decimal(v)), .decimal, e.span)
        case .string(let s):
            warnConfusables(s, e.span)
            return TypedExpr(.literal(.string(s)), .string, e.span)
        case .bool(let b):
            return TypedExpr(.literal(.bool(b)), .bool, e.span)
        case .null:
            return TypedExpr(.literal(.null), TypeRef(.null, nullable: true), e.span)
        case .duration(let d):
            return TypedExpr(.literal(.duration(d.seconds)), TypeRef(.duration), e.span)
        case .list(let items):
            diagnostics.emit(Diagnostic(.typeMismatch, "A list can only follow `in` or `not in`.", at: e.span))
            _ = items
            return ExpressionChecker.poisoned(e.span)
        case .path(let parts):
            return path(parts, e.span, scope: scope)
        case .unary(let op, let operand):
            return unary(op, operand, e.span, scope: scope)
        case .logical(let op, let items):
            return logical(op, items, e.span, scope: scope)
        case .binary(let op, let l, let r):
            return binary(op, l, r, e.span, scope: scope)
        case .membership(let subject, let list, let negated):
            return membership(subject, list, negated: negated, e.span, scope: scope)
        case .nullTest(let x, let negated):
            let t = check(x, scope: scope)
            if !t.type.nullable && !t.type.isError {
                diagnostics.emit(Diagnostic(.typeMismatch, "`\(ExprPrinter.print(t))` is never null, so this test is always \(negated ? "true" : "false").",
                                            at: e.span, severity: .warning))
            }
            return TypedExpr(.isNull(t, negated: negated), .bool, e.span)
        case .call(let name, let args):
            return call(name, args, e.span, scope: scope)
        case .aggregate(let a):
            return aggregate(a, e.span, scope: scope)
        }
    }

    private mutating func warnConfusables(_ s: String, _ span: Span) {
        for c in s where c != "\u{00A0}" {
            guard let shown = Confusables.lookalike(of: c) else { continue }
            let name = c.unicodeScalars.map { s -> String in let h = String(s.value, radix: 16, uppercase: true); return "U+" + String(repeating: "0", count: max(0, 4 - h.count)) + h }.joined()
            diagnostics.emit(Diagnostic(.confusableCharacter,
                "The string contains `\(c)` (\(name)), which looks like `\(shown.isEmpty ? "nothing" : shown)` but is a different character.",
                at: span).help(Confusables.asciiVersion(of: s).map { "Did you mean `\"\($0)\"`?" }))
            return
        }
    }

    // MARK: - Names

    mutating func path(_ parts: [Located<String>], _ span: Span, scope: ExpressionScope) -> TypedExpr {
        let root = parts[0]
        switch root.value {
        case "as_of":
            if parts.count > 1 { return tooLong(parts, 1) }
            return TypedExpr(.asOf, TypeRef(.timestamp), span)
        case "customer":
            guard parts.count >= 2 else {
                diagnostics.emit(Diagnostic(.unknownName, "`customer` needs a field name, as in `customer.country`.", at: span))
                return ExpressionChecker.poisoned(span)
            }
            if parts.count > 2 { return tooLong(parts, 2) }
            let name = parts[1]
            if let f = schema.customer.field(named: name.value) {
                return TypedExpr(.field(f), f.typeRef, span)
            }
            if schema.relation(named: name.value) != nil {
                diagnostics.emit(Diagnostic(.typeMismatch, "The relation `\(name.value)` can only be used in a template loop.", at: span)
                    .help("Loop over it in a block: `for: item in customer.\(name.value)`."))
                return ExpressionChecker.poisoned(span)
            }
            diagnostics.emit(Diagnostic(.unknownField, "The customer has no field `\(name.value)`.", at: name.span)
                .suggesting(name.value, among: schema.customer.allFieldNames, at: name.span))
            return ExpressionChecker.poisoned(span)
        case "event":
            guard parts.count == 2 else {
                if parts.count > 2 { return tooLong(parts, 2) }
                diagnostics.emit(Diagnostic(.unknownName, "`event` needs a property name, as in `event.category`.", at: span))
                return ExpressionChecker.poisoned(span)
            }
            return eventProperty(parts[1], span, scope: scope)
        case "segment":
            guard parts.count == 2 else {
                if parts.count > 2 { return tooLong(parts, 2) }
                diagnostics.emit(Diagnostic(.unknownName, "`segment` needs a segment name, as in `segment.loyal`.", at: span))
                return ExpressionChecker.poisoned(span)
            }
            guard scope.allowsSegments else {
                if case .trigger = scope.event {
                    diagnostics.emit(Diagnostic(.typeMismatch, "A trigger filter cannot refer to segments.", at: span)
                        .help("Filter on the trigger event and the customer here; put `segment.\(parts[1].value)` in `audience`, which is evaluated when the send is due."))
                    return ExpressionChecker.poisoned(span)
                }
                diagnostics.emit(Diagnostic(.typeMismatch, "The consent rule cannot refer to segments.", at: span)
                    .help("Write the consent rule over customer fields only, so that every segment can rely on it."))
                return ExpressionChecker.poisoned(span)
            }
            guard let rule = resolveSegment(parts[1], &diagnostics) else { return ExpressionChecker.poisoned(span) }
            return TypedExpr(.segment(parts[1].value, rule), .bool, span)
        default:
            if let event = schema.events.type(named: root.value) {
                diagnostics.emit(Diagnostic(.typeMismatch, "The event `\(event.name)` must be aggregated.", at: span)
                    .help("Use an aggregate such as `exists(\(event.name) within 30d)` or `count(\(event.name) within 30d) >= 2`."))
                return ExpressionChecker.poisoned(span)
            }
            let roots = ["customer", "event", "segment", "as_of"]
            diagnostics.emit(Diagnostic(.unknownName, "`\(root.value)` is not a name this expression knows.", at: root.span)
                .suggesting(root.value, among: roots, at: root.span)
                .note("Names start with `customer.`, `event.` or `segment.`, or are `as_of`."))
            return ExpressionChecker.poisoned(span)
        }
    }

    private mutating func tooLong(_ parts: [Located<String>], _ keep: Int) -> TypedExpr {
        let extra = parts[keep].span.union(parts[parts.count - 1].span)
        diagnostics.emit(Diagnostic(.unknownName, "`\(parts.prefix(keep).map(\.value).joined(separator: "."))` has no member `\(parts[keep].value)`.",
                                    at: extra))
        return ExpressionChecker.poisoned(parts[0].span.union(extra))
    }

    mutating func eventProperty(_ name: Located<String>, _ span: Span, scope: ExpressionScope) -> TypedExpr {
        let candidates: [Field]
        let owner: String
        switch scope.event {
        case .none:
            diagnostics.emit(Diagnostic(.misplacedEventReference, "`event.\(name.value)` is used outside an event filter.", at: span)
                .help("`event.` refers to one event: use it inside `where` of an aggregate, as in `count(product_viewed where event.\(name.value) == … within 30d)`."))
            return ExpressionChecker.poisoned(span)
        case .aggregate(let t?), .trigger(let t):
            candidates = t.properties
            owner = "The event `\(t.name)`"
        case .aggregate(nil):
            candidates = schema.events.sharedProperties
            owner = "Not every event type has the property `\(name.value)`, so `any`"
        }
        if let f = candidates.first(where: { $0.name == name.value }) {
            // Properties come from event payloads, where a key may be missing: nullable unless declared otherwise.
            return TypedExpr(.eventProperty(f), f.typeRef, span)
        }
        var d = Diagnostic(.unknownProperty, "\(owner) has no property `\(name.value)`.", at: name.span)
            .suggesting(name.value, among: candidates.map(\.name), at: name.span)
        if candidates.isEmpty { d = d.note("It declares no properties.") }
        diagnostics.emit(d)
        return ExpressionChecker.poisoned(span)
    }
}
