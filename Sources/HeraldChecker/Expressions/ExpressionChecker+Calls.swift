import HeraldDiagnostics
import HeraldSchema
import HeraldSource
import HeraldSyntax

/// Typing rules of functions and event aggregates.
extension ExpressionChecker {
    static let functionNames = ["days_since", "quintile", "percentile", "timestamp", "date", "lower", "upper", "length"]
        + AggregateFunction.allCases.map(\.rawValue)

    mutating func call(_ name: Located<String>, _ args: [Expr], _ span: Span, scope: ExpressionScope) -> TypedExpr {
        func arity(_ n: Int, _ usage: String) -> Bool {
            if args.count == n { return true }
            diagnostics.emit(Diagnostic(.wrongArguments, "`\(name.value)` takes \(n) argument\(n == 1 ? "" : "s"), not \(args.count).", at: span)
                .help("Write `\(usage)`."))
            return false
        }
        switch name.value {
        case "timestamp", "date":
            let usage = name.value == "date" ? "date(\"2026-11-01\")" : "timestamp(\"2026-11-01T09:00:00Z\")"
            guard arity(1, usage) else { return ExpressionChecker.poisoned(span) }
            guard case .string(let text) = args[0].kind else {
                diagnostics.emit(Diagnostic(.wrongArguments, "`\(name.value)` takes a quoted literal, as in `\(usage)`.", at: args[0].span))
                return ExpressionChecker.poisoned(span)
            }
            if name.value == "date" {
                guard let d = CivilTime.parseDate(text) else {
                    diagnostics.emit(Diagnostic(.invalidLiteral, "`\(text)` is not a date.", at: args[0].span).help("Write the date as `YYYY-MM-DD`."))
                    return ExpressionChecker.poisoned(span)
                }
                return TypedExpr(.literal(.date(d)), TypeRef(.date), span)
            }
            guard text.count > 10, let t = CivilTime.parseInstant(text) else {
                diagnostics.emit(Diagnostic(.invalidLiteral, "`\(text)` is not a timestamp with a time zone.", at: args[0].span)
                    .help("Write an ISO 8601 instant such as `2026-11-01T09:00:00Z` or `2026-11-01T10:00:00+01:00`."))
                return ExpressionChecker.poisoned(span)
            }
            return TypedExpr(.literal(.timestamp(t)), TypeRef(.timestamp), span)
        case "days_since":
            guard arity(1, "days_since(customer.signup_at)") else { return ExpressionChecker.poisoned(span) }
            let a = check(args[0], scope: scope)
            if a.type.isError { return ExpressionChecker.poisoned(span) }
            guard a.type.base == .timestamp || a.type.base == .date else {
                diagnostics.emit(Diagnostic(.wrongArguments, "`days_since` needs a timestamp or a date, but this is \(describe(a.type)).", at: a.span))
                return ExpressionChecker.poisoned(span)
            }
            return TypedExpr(.function(.daysSince, [a]), TypeRef(.int, nullable: a.type.nullable), span)
        case "lower", "upper", "length":
            guard arity(1, "\(name.value)(customer.city)") else { return ExpressionChecker.poisoned(span) }
            let a = check(args[0], scope: scope)
            if a.type.isError { return ExpressionChecker.poisoned(span) }
            let fn = ScalarFunction(rawValue: name.value)!
            if fn == .length, case .list = a.type.base {
                return TypedExpr(.function(fn, [a]), TypeRef(.int, nullable: a.type.nullable), span)
            }
            guard a.type.base.isTextual else {
                diagnostics.emit(Diagnostic(.wrongArguments, "`\(name.value)` needs a string, but this is \(describe(a.type)).", at: a.span))
                return ExpressionChecker.poisoned(span)
            }
            return TypedExpr(.function(fn, [a]), TypeRef(fn == .length ? .int : .string, nullable: a.type.nullable), span)
        case "quintile", "percentile":
            guard arity(1, "\(name.value)(sum(purchase_completed.total within 365d))") else { return ExpressionChecker.poisoned(span) }
            let a = check(args[0], scope: scope)
            if a.type.isError { return ExpressionChecker.poisoned(span) }
            guard a.type.base.isNumeric || a.type.base == .timestamp || a.type.base == .date else {
                diagnostics.emit(Diagnostic(.wrongArguments, "`\(name.value)` ranks numbers or times, but this is \(describe(a.type)).", at: a.span))
                return ExpressionChecker.poisoned(span)
            }
            if case .none = scope.event {} else {
                diagnostics.emit(Diagnostic(.wrongArguments, "`\(name.value)` ranks customers and cannot be used inside an event filter.", at: span))
                return ExpressionChecker.poisoned(span)
            }
            return TypedExpr(.rank(name.value == "quintile" ? .quintile : .percentile, a), TypeRef(.int, nullable: a.type.nullable), span)
        default:
            diagnostics.emit(Diagnostic(.unknownFunction, "`\(name.value)` is not a function.", at: name.span)
                .suggesting(name.value, among: ExpressionChecker.functionNames, at: name.span))
            return ExpressionChecker.poisoned(span)
        }
    }

    mutating func aggregate(_ a: AggregateSyntax, _ span: Span, scope: ExpressionScope) -> TypedExpr {
        let fn = a.function.value
        guard scope.allowsAggregates else {
            let message: String
            switch scope.event {
            case .none: message = "`\(fn.rawValue)` cannot be used in the consent rule; consent must be a profile field."
            case .trigger: message = "`\(fn.rawValue)` cannot be used in a trigger filter; conditions on past events belong in `audience`, which is evaluated when the send is due."
            default: message = "`\(fn.rawValue)` cannot be nested inside another event filter."
            }
            diagnostics.emit(Diagnostic(.wrongArguments, message, at: span))
            return ExpressionChecker.poisoned(span)
        }
        var event: EventType?
        if a.event.value != "any" {
            guard let t = schema.events.type(named: a.event.value) else {
                diagnostics.emit(Diagnostic(.unknownEvent, "The schema has no event `\(a.event.value)`.", at: a.event.span)
                    .suggesting(a.event.value, among: schema.events.types.map(\.name) + ["any"], at: a.event.span))
                return ExpressionChecker.poisoned(span)
            }
            event = t
        }
        var property: Field?
        if let p = a.property {
            let candidates = event?.properties ?? schema.events.sharedProperties
            guard let f = candidates.first(where: { $0.name == p.value }) else {
                let owner = event.map { "The event `\($0.name)`" } ?? "Not every event has `\(p.value)`, so `any`"
                diagnostics.emit(Diagnostic(.unknownProperty, "\(owner) has no property `\(p.value)`.", at: p.span)
                    .suggesting(p.value, among: candidates.map(\.name), at: p.span))
                return ExpressionChecker.poisoned(span)
            }
            property = f
        }
        if fn.needsProperty && property == nil {
            let example = event?.properties.first { $0.type.isNumeric }?.name ?? "total"
            diagnostics.emit(Diagnostic(.wrongArguments, "`\(fn.rawValue)` needs a property to aggregate, as in `\(fn.rawValue)(\(a.event.value).\(example) …)`.",
                                        at: a.event.span))
            return ExpressionChecker.poisoned(span)
        }
        if (fn == .count || fn == .exists), let p = a.property {
            diagnostics.emit(Diagnostic(.wrongArguments, "`\(fn.rawValue)` counts events and takes no property.", at: p.span)
                .help("Filter on the property with `where`, as in `\(fn.rawValue)(\(a.event.value) where event.\(p.value) == … )`."))
            return ExpressionChecker.poisoned(span)
        }
        var resultType: TypeRef
        switch fn {
        case .count: resultType = .int
        case .exists: resultType = .bool
        case .sum:
            guard property!.type.isNumeric else { return badProperty(fn, property!, a.property!.span, span) }
            resultType = TypeRef(property!.type)
        case .avg:
            guard property!.type.isNumeric else { return badProperty(fn, property!, a.property!.span, span) }
            resultType = TypeRef(.decimal, nullable: true)
        case .min, .max:
            let t = property!.type
            guard t.isNumeric || t == .timestamp || t == .date || t == .string else { return badProperty(fn, property!, a.property!.span, span) }
            resultType = TypeRef(t, nullable: true)
        case .first, .last:
            resultType = TypeRef(property?.type ?? .timestamp, nullable: true)
        }
        var filter: TypedExpr?
        if let f = a.filter {
            let saved = nonNull
            nonNull = []
            let inner = ExpressionScope(event: .aggregate(event), allowsAggregates: false, allowsSegments: false)
            filter = condition(f, scope: inner, what: "an event filter")
            nonNull = saved
            if filter!.type.isError { return ExpressionChecker.poisoned(span) }
        }
        if let w = a.window, let retention = schema.events.retention, w.value > retention {
            diagnostics.emit(Diagnostic(.windowBeyondRetention,
                "The window `\(w.value)` is longer than the `\(retention)` the schema keeps events for.", at: w.span)
                .help("Events older than `\(retention)` are gone, so this counts fewer events than it says."))
        }
        if let w = a.window, w.value.seconds == 0 {
            diagnostics.emit(Diagnostic(.numberOutOfRange, "A window of zero length contains no events.", at: w.span))
        }
        let agg = EventAggregate(function: fn, event: event, property: property, filter: filter, window: a.window?.value)
        return TypedExpr(.aggregate(agg), resultType, span)
    }

    private mutating func badProperty(_ fn: AggregateFunction, _ p: Field, _ pspan: Span, _ span: Span) -> TypedExpr {
        diagnostics.emit(Diagnostic(.typeMismatch, "`\(fn.rawValue)` cannot aggregate `\(p.name)`, which is \(describe(p.typeRef)).", at: pspan))
        return ExpressionChecker.poisoned(span)
    }
}
