import HeraldDiagnostics
import HeraldSchema
import HeraldSource
import HeraldSyntax

/// Typing rules of the operators: logic, comparison, arithmetic, `??`, `in`, `contains`.
extension ExpressionChecker {
    mutating func unary(_ op: UnaryOperator, _ operand: Expr, _ span: Span, scope: ExpressionScope) -> TypedExpr {
        let t = check(operand, scope: scope)
        switch op {
        case .not:
            let b = requireBool(t, what: "the operand of `not`")
            return TypedExpr(.not(b), b.type.isError ? .error : .bool, span)
        case .negate:
            guard t.type.base.isNumeric || t.type.base == .duration else {
                diagnostics.emit(Diagnostic(.typeMismatch, "`-` needs a number, but this is \(describe(t.type)).", at: t.span))
                return ExpressionChecker.poisoned(span)
            }
            return TypedExpr(.negate(t), t.type, span)
        }
    }

    mutating func logical(_ op: LogicalOperator, _ items: [Expr], _ span: Span, scope: ExpressionScope) -> TypedExpr {
        let saved = nonNull
        var checked: [TypedExpr] = []
        var poisoned = false
        for item in items {
            let t = requireBool(check(item, scope: scope), what: "each side of `\(op.rawValue)`")
            poisoned = poisoned || t.type.isError
            // `x is not null and x > 1`, `x is null or x > 1`: later terms may treat x as non-null.
            if case .isNull(let subject, let negated) = t.kind, negated == (op == .and) {
                nonNull.insert(subject.structuralKey)
            }
            checked.append(t)
        }
        nonNull = saved
        let kind: TypedExpr.Kind = op == .and ? .and(checked) : .or(checked)
        return TypedExpr(kind, poisoned ? .error : .bool, span)
    }

    mutating func binary(_ op: BinaryOperator, _ l: Expr, _ r: Expr, _ span: Span, scope: ExpressionScope) -> TypedExpr {
        if op.isComparison { return comparison(op, l, r, span, scope: scope) }
        let lt = check(l, scope: scope)
        let rt = check(r, scope: scope)
        if lt.type.isError || rt.type.isError { return ExpressionChecker.poisoned(span) }
        switch op {
        case .coalesce:
            guard lt.type.nullable else {
                diagnostics.emit(Diagnostic(.typeMismatch, "`\(ExprPrinter.print(lt))` is never null, so `??` has no effect.", at: lt.span,
                                            severity: .warning))
                return lt
            }
            guard let unified = unify(lt.type.base, rt.type.base) ?? (lt.type.base == .null ? rt.type.base : nil) else {
                return mismatch("`??`", lt, rt, span)
            }
            let rhs = adoptEnum(rt, as: unified)
            return TypedExpr(.coalesce(lt, rhs), TypeRef(unified, nullable: rt.type.nullable), span)
        case .contains:
            if case .list(let element) = lt.type.base {
                guard unify(element, rt.type.base) != nil else { return mismatch("`contains`", lt, rt, span) }
            } else if !(lt.type.base.isTextual && rt.type.base.isTextual) {
                return mismatch("`contains`", lt, rt, span)
            }
            let a = requireNonNull(lt, use: "`contains`"), b = requireNonNull(rt, use: "`contains`")
            return TypedExpr(.contains(a, b), .bool, span)
        case .startsWith:
            guard lt.type.base.isTextual && rt.type.base.isTextual, !isList(lt) else { return mismatch("`starts_with`", lt, rt, span) }
            let a = requireNonNull(lt, use: "`starts_with`"), b = requireNonNull(rt, use: "`starts_with`")
            return TypedExpr(.startsWith(a, b), .bool, span)
        default:
            return arithmetic(op, lt, rt, span)
        }
    }

    private func isList(_ t: TypedExpr) -> Bool {
        if case .list = t.type.base { return true }
        return false
    }

    private mutating func arithmetic(_ op: BinaryOperator, _ lt: TypedExpr, _ rt: TypedExpr, _ span: Span) -> TypedExpr {
        let arith = ArithmeticOperator(rawValue: op.rawValue)!
        let nullable = lt.type.nullable || rt.type.nullable
        let l = lt.type.base, r = rt.type.base
        let result: ValueType?
        switch (arith, l, r) {
        case (.add, .timestamp, .duration), (.subtract, .timestamp, .duration): result = .timestamp
        case (.add, .duration, .timestamp): result = .timestamp
        case (.add, .duration, .duration), (.subtract, .duration, .duration): result = .duration
        case (.multiply, .duration, .int), (.multiply, .int, .duration): result = .duration
        case (.remainder, .int, .int): result = .int
        case (.divide, _, _) where l.isNumeric && r.isNumeric:
            // Division by zero is null, so a quotient is always nullable.
            return TypedExpr(.arithmetic(.divide, lt, rt), TypeRef(.decimal, nullable: true), span)
        case (_, _, _) where l.isNumeric && r.isNumeric && arith != .remainder:
            result = (l == .int && r == .int) ? .int : .decimal
        default:
            result = nil
        }
        guard let result else {
            let help: String? = (l == .timestamp && r == .timestamp)
                ? "Subtracting two times is not supported; compare them, or use `days_since(…)`." : nil
            diagnostics.emit(Diagnostic(.typeMismatch, "`\(op.rawValue)` cannot combine \(describe(lt.type)) and \(describe(rt.type)).", at: span)
                .help(help))
            return ExpressionChecker.poisoned(span)
        }
        return TypedExpr(.arithmetic(arith, lt, rt), TypeRef(result, nullable: nullable), span)
    }

    private mutating func mismatch(_ what: String, _ lt: TypedExpr, _ rt: TypedExpr, _ span: Span) -> TypedExpr {
        diagnostics.emit(Diagnostic(.typeMismatch, "\(what) cannot combine \(describe(lt.type)) and \(describe(rt.type)).", at: span))
        return ExpressionChecker.poisoned(span)
    }

    /// The common type of two operands, or nil when they cannot meet.
    func unify(_ a: ValueType, _ b: ValueType) -> ValueType? {
        if a == b { return a }
        if a == .error || b == .error { return .error }
        if a == .null { return b }
        if b == .null { return a }
        if a.isNumeric && b.isNumeric { return .decimal }
        switch (a, b) {
        case (.enumeration, .string): return a
        case (.string, .enumeration): return b
        case (.enumeration, .enumeration): return nil
        default: break
        }
        if a.isTextual && b.isTextual { return .string }
        return nil
    }

    /// A string literal compared with an enum must be one of its values; the literal takes the enum type.
    mutating func adoptEnum(_ t: TypedExpr, as type: ValueType) -> TypedExpr {
        guard case .enumeration(let e) = type, case .literal(.string(let s)) = t.kind else { return t }
        if !e.values.contains(s) {
            diagnostics.emit(Diagnostic(.unknownEnumValue, "`\(s)` is not a value of \(type).", at: t.span)
                .suggesting(s, among: e.values, at: Span(file: t.span.file, start: t.span.start + 1, end: max(t.span.start + 1, t.span.end - 1)))
                .note("Allowed values: \(Suggestions.list(e.values, limit: 30))."))
            return TypedExpr(t.kind, .error, t.span)
        }
        return TypedExpr(t.kind, TypeRef(type), t.span)
    }

    mutating func comparison(_ op: BinaryOperator, _ l: Expr, _ r: Expr, _ span: Span, scope: ExpressionScope) -> TypedExpr {
        let cmp = CompareOperator(rawValue: op.rawValue)!
        var lt = check(l, scope: scope)
        var rt = check(r, scope: scope)
        if lt.type.isError || rt.type.isError { return ExpressionChecker.poisoned(span) }
        if lt.type.base == .null || rt.type.base == .null {
            let other = lt.type.base == .null ? rt : lt
            let word = cmp == .equal ? "is null" : "is not null"
            diagnostics.emit(Diagnostic(.typeMismatch, "Comparing with `null` is never true; test with `\(word)`.", at: span)
                .fixIt("Write `\(ExprPrinter.print(other)) \(word)`.", replacing: span, with: "\(ExprPrinter.print(other)) \(word)"))
            return ExpressionChecker.poisoned(span)
        }
        guard let unified = unify(lt.type.base, rt.type.base) else {
            var help: String?
            if lt.type.base.isNumeric, case .literal(.string(let s)) = rt.kind, Double(s) != nil { help = "Remove the quotes: `\(s)` is a number." }
            if rt.type.base.isNumeric, case .literal(.string(let s)) = lt.kind, Double(s) != nil { help = "Remove the quotes: `\(s)` is a number." }
            if (lt.type.base == .timestamp && rt.type.base == .duration) || (lt.type.base == .duration && rt.type.base == .timestamp) {
                help = "To compare with a time in the past, write `as_of - 30d`, or use `days_since(…)`."
            }
            diagnostics.emit(Diagnostic(.typeMismatch, "`\(cmp.rawValue)` cannot compare \(describe(lt.type)) with \(describe(rt.type)).", at: span)
                .help(help))
            return ExpressionChecker.poisoned(span)
        }
        lt = adoptEnum(lt, as: unified)
        rt = adoptEnum(rt, as: unified)
        if lt.type.isError || rt.type.isError { return ExpressionChecker.poisoned(span) }
        if cmp != .equal && cmp != .notEqual {
            switch unified {
            case .bool, .enumeration, .list:
                diagnostics.emit(Diagnostic(.typeMismatch, "`\(cmp.rawValue)` cannot order values of type \(unified).", at: span)
                    .help("Use `==` or `!=`."))
                return ExpressionChecker.poisoned(span)
            default: break
            }
        }
        lt = requireNonNull(lt, use: "a comparison")
        rt = requireNonNull(rt, use: "a comparison")
        return TypedExpr(.compare(cmp, lt, rt), .bool, span)
    }

    mutating func membership(_ subject: Expr, _ list: Expr, negated: Bool, _ span: Span, scope: ExpressionScope) -> TypedExpr {
        var st = check(subject, scope: scope)
        guard case .list(let items) = list.kind else { return ExpressionChecker.poisoned(span) }
        var values: [Value] = []
        var poisoned = st.type.isError
        for item in items {
            let it = check(item, scope: scope)
            guard case .literal(let v) = it.kind, !it.type.isError else {
                if !it.type.isError {
                    diagnostics.emit(Diagnostic(.typeMismatch, "The items of an `in` list must be literal values.", at: item.span)
                        .help("Compare computed values with `==` joined by `or`."))
                }
                poisoned = true
                continue
            }
            if v == .null {
                diagnostics.emit(Diagnostic(.typeMismatch, "`null` in an `in` list never matches; test with `is null`.", at: item.span))
                poisoned = true
                continue
            }
            if !st.type.isError {
                guard let u = unify(st.type.base, it.type.base) else {
                    diagnostics.emit(Diagnostic(.typeMismatch, "This list item is \(describe(it.type)), but the value tested is \(describe(st.type)).",
                                                at: item.span))
                    poisoned = true
                    continue
                }
                if adoptEnum(it, as: u).type.isError { poisoned = true; continue }
            }
            values.append(v)
        }
        if poisoned { return ExpressionChecker.poisoned(span) }
        if values.isEmpty {
            diagnostics.emit(Diagnostic(.typeMismatch, "The list is empty, so this test is always \(negated ? "true" : "false").", at: list.span,
                                        severity: .warning))
        }
        st = requireNonNull(st, use: "`\(negated ? "not in" : "in")`")
        return TypedExpr(.inList(st, values, negated: negated), .bool, span)
    }
}
