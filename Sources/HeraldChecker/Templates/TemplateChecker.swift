import HeraldDiagnostics
import HeraldSchema
import HeraldSource
import HeraldSyntax

/// Type-checks a template against the schema: resolves every variable, checks filter arguments,
/// restricts loops to relations and lists, and rejects nullable outputs without `default`.
public struct TemplateChecker {
    enum Binding {
        case relationRow(RelationModel)
        case value(TypeRef)
        case forloop
    }

    public let schema: Schema
    /// Whether `{{ blocks.NAME }}` slots are allowed (layouts only).
    let allowsSlots: Bool
    public var diagnostics = DiagnosticBag()
    /// Customer fields the template reads: the audience query selects exactly these.
    public var customerFields: Set<String> = []
    /// Relations the template loops over.
    public var relations: Set<String> = []
    public var slots: [Located<String>] = []
    /// Outputs of builtins (to find the unsubscribe link and postal address).
    public var builtins: Set<TemplateBuiltin> = []
    private var scopes: [[String: Binding]] = [[:]]
    private var nonNull: Set<String> = []

    public init(schema: Schema, allowsSlots: Bool = false) {
        self.schema = schema
        self.allowsSlots = allowsSlots
    }

    public mutating func check(_ t: Template) -> CheckedTemplate {
        CheckedTemplate(nodes: nodes(t.nodes), span: t.span)
    }

    /// Checks a template in which `variable` is bound to a row of `relation` (a block's `for:`).
    public mutating func check(_ t: Template, binding variable: String, to relation: RelationModel) -> CheckedTemplate {
        scopes.append([variable: .relationRow(relation)])
        defer { scopes.removeLast() }
        return check(t)
    }

    private func lookup(_ name: String) -> Binding? {
        for s in scopes.reversed() { if let b = s[name] { return b } }
        return nil
    }

    private mutating func nodes(_ list: [TemplateNode]) -> [CheckedNode] {
        var out: [CheckedNode] = []
        for node in list {
            switch node {
            case .text(let s, let span), .raw(let s, let span):
                out.append(.text(s, span))
            case .output(let o):
                if allowsSlots, case .path(let p) = o.expression.kind, p.segments.count == 2, p.root?.value == "blocks",
                   case .name(let slot) = p.segments[1] {
                    if !o.filters.isEmpty {
                        diagnostics.emit(Diagnostic(.templateSyntax, "A slot cannot take filters.", at: o.filters[0].span))
                    }
                    slots.append(slot)
                    out.append(.slot(slot.value, o.span))
                    continue
                }
                guard let checked = output(o) else { continue }
                if checked.type.nullable && !checked.type.isError {
                    reportNullableOutput(checked, o)
                }
                out.append(.output(checked))
            case .assign(let a):
                guard let checked = output(a.value) else { continue }
                scopes[scopes.count - 1][a.name.value] = .value(checked.type)
                out.append(.assign(a.name.value, checked, a.span))
            case .conditional(let c):
                var branches: [(condition: TemplateValue, body: [CheckedNode])] = []
                for (i, b) in c.branches.enumerated() {
                    guard let (cond, _) = value(b.condition) else { continue }
                    let saved = nonNull
                    // `{% if x %}` narrows x to non-null inside the branch (not for `unless`).
                    if !(c.negated && i == 0) { narrow(b.condition) }
                    branches.append((cond, nodes(b.body)))
                    nonNull = saved
                }
                let elseBody = c.elseBody.map { body -> [CheckedNode] in
                    let saved = nonNull
                    if c.negated, let first = c.branches.first { narrow(first.condition) }
                    defer { nonNull = saved }
                    return nodes(body)
                }
                out.append(.conditional(CheckedConditional(negated: c.negated, branches: branches, elseBody: elseBody, span: c.span)))
            case .caseOf(let c):
                guard let (subject, _) = value(c.subject) else { continue }
                var whens: [(values: [TemplateValue], body: [CheckedNode])] = []
                for w in c.whens {
                    let values = w.values.compactMap { value($0)?.0 }
                    whens.append((values, nodes(w.body)))
                }
                out.append(.caseOf(CheckedCase(subject: subject, whens: whens, elseBody: c.elseBody.map { nodes($0) }, span: c.span)))
            case .loop(let l):
                if let checked = loop(l) { out.append(.loop(checked)) }
            }
        }
        return out
    }

    /// Marks the variables a truthy condition proves non-null.
    private mutating func narrow(_ e: LiquidExpr) {
        switch e.kind {
        case .path(let p):
            if let name = p.dottedName { nonNull.insert(name) }
        case .comparison(.notEqual, let l, let r):
            if case .path(let p) = l.kind, let name = p.dottedName, isNilLike(r) { nonNull.insert(name) }
        case .logical(true, let l, let r):
            narrow(l)
            narrow(r)
        default:
            break
        }
    }

    private func isNilLike(_ e: LiquidExpr) -> Bool {
        switch e.kind {
        case .nil_, .blank, .empty: return true
        default: return false
        }
    }

    private mutating func reportNullableOutput(_ checked: CheckedOutput, _ o: LiquidOutput) {
        let shown = describe(o.expression)
        let end = o.filters.last?.span.end ?? o.expression.span.end
        let insertAt = Span(file: o.span.file, start: end, end: end)
        diagnostics.emit(Diagnostic(.nullableOutput, "`\(shown)` may be empty, and printing it would leave a gap in the email.", at: o.expression.span)
            .help("Add a fallback with `| default: \"…\"`, or print it inside `{% if \(shown) %}`.")
            .fixIt("Add `| default: \"\"`.", replacing: insertAt, with: " | default: \"\""))
    }

    private func describe(_ e: LiquidExpr) -> String {
        if case .path(let p) = e.kind, let name = p.dottedName { return name }
        return "this value"
    }

    mutating func output(_ o: LiquidOutput) -> CheckedOutput? {
        guard let (v, initial) = value(o.expression) else { return nil }
        var type = initial
        var filters: [CheckedFilter] = []
        for f in o.filters {
            guard let filter = TemplateFilter(rawValue: f.name.value) else {
                diagnostics.emit(Diagnostic(.unknownFilter, "`\(f.name.value)` is not a filter.", at: f.name.span)
                    .suggesting(f.name.value, among: TemplateFilter.allCases.map(\.rawValue), at: f.name.span))
                return nil
            }
            guard let (args, result) = apply(filter, to: type, f) else { return nil }
            filters.append(CheckedFilter(filter: filter, arguments: args, span: f.span))
            type = result
        }
        return CheckedOutput(value: v, filters: filters, type: type, span: o.span)
    }

    private mutating func apply(_ filter: TemplateFilter, to input: TypeRef, _ f: LiquidFilter) -> ([TemplateValue], TypeRef)? {
        let (required, optional) = filter.arguments
        guard f.arguments.count >= required.count, f.arguments.count <= required.count + optional.count else {
            let n = required.count, m = required.count + optional.count
            let range = n == m ? "\(n)" : "\(n) to \(m)"
            diagnostics.emit(Diagnostic(.filterArguments, "`\(filter.rawValue)` takes \(range) argument\(m == 1 ? "" : "s"), not \(f.arguments.count).",
                                        at: f.span))
            return nil
        }
        var args: [TemplateValue] = []
        var argTypes: [TypeRef] = []
        for (i, a) in f.arguments.enumerated() {
            guard let (v, t) = value(a) else { return nil }
            let expected = i < required.count ? required[i] : optional[i - required.count]
            let ok: Bool
            switch expected {
            case .any: ok = true
            case .string: ok = t.base.isTextual
            case .integer: ok = t.base == .int
            case .number: ok = t.base.isNumeric
            }
            if !ok && !t.isError {
                diagnostics.emit(Diagnostic(.filterArguments, "Argument \(i + 1) of `\(filter.rawValue)` must be \(expected == .integer ? "a whole number" : "a \(expected)"), not \(t).",
                                            at: a.span))
                return nil
            }
            args.append(v)
            argTypes.append(t)
        }
        if input.isError { return (args, .error) }
        let inputOK: Bool
        let isList: Bool
        if case .list = input.base { isList = true } else { isList = false }
        switch filter.input {
        case .anything: inputOK = true
        case .text: inputOK = !isList
        case .number: inputOK = input.base.isNumeric
        case .time: inputOK = input.base == .timestamp || input.base == .date || input.base.isTextual
        case .collection: inputOK = isList || input.base.isTextual
        }
        guard inputOK else {
            diagnostics.emit(Diagnostic(.filterArguments, "`\(filter.rawValue)` cannot be applied to \(input).", at: f.name.span))
            return nil
        }
        let nullable = input.nullable
        switch filter {
        case .default:
            return (args, TypeRef(input.base == .null ? argTypes[0].base : input.base, nullable: argTypes[0].nullable))
        case .size:
            return (args, TypeRef(.int))
        case .round:
            return (args, TypeRef(args.isEmpty ? .int : .decimal, nullable: nullable))
        case .plus, .minus, .times:
            return (args, TypeRef(input.base == .int && argTypes[0].base == .int ? .int : .decimal, nullable: nullable))
        case .dividedBy:
            return (args, TypeRef(input.base == .int && argTypes[0].base == .int ? .int : .decimal, nullable: nullable))
        case .first, .last:
            if case .list(let e) = input.base { return (args, TypeRef(e, nullable: true)) }
            return (args, TypeRef(.string, nullable: nullable))
        default:
            return (args, TypeRef(.string, nullable: nullable))
        }
    }

    /// Types a Liquid expression; nil after reporting an error.
    mutating func value(_ e: LiquidExpr) -> (TemplateValue, TypeRef)? {
        switch e.kind {
        case .string(let s): return (.literal(.string(s)), .string)
        case .integer(let i): return (.literal(.int(i)), .int)
        case .decimal(let d): return (.literal(.decimal(d)), .decimal)
        case .bool(let b): return (.literal(.bool(b)), .bool)
        case .nil_: return (.literal(.null), TypeRef(.null, nullable: true))
        case .empty: return (.empty, TypeRef(.null, nullable: true))
        case .blank: return (.blank, TypeRef(.null, nullable: true))
        case .range(let a, let b):
            guard let (av, at) = value(a), let (bv, bt) = value(b) else { return nil }
            guard at.base == .int || at.isError, bt.base == .int || bt.isError else {
                diagnostics.emit(Diagnostic(.typeMismatch, "A range needs whole numbers at both ends.", at: e.span))
                return nil
            }
            return (.range(av, bv), TypeRef(.list(.int)))
        case .comparison(let op, let l, let r):
            guard let (lv, _) = value(l), let (rv, _) = value(r) else { return nil }
            return (.comparison(op, lv, rv), .bool)
        case .logical(let isAnd, let l, let r):
            guard let (lv, _) = value(l), let (rv, _) = value(r) else { return nil }
            return (.logical(isAnd: isAnd, lv, rv), .bool)
        case .path(let p):
            return variable(p)
        }
    }

    private mutating func variable(_ p: LiquidPath) -> (TemplateValue, TypeRef)? {
        guard let root = p.root else {
            diagnostics.emit(Diagnostic(.unknownName, "A variable must start with a name.", at: p.span))
            return nil
        }
        var names: [Located<String>] = []
        for s in p.segments {
            guard case .name(let n) = s else {
                diagnostics.emit(Diagnostic(.typeMismatch, "Indexing with `[…]` is not supported; use `first`, `last` or a loop.", at: p.span))
                return nil
            }
            names.append(n)
        }
        let dotted = names.map(\.value).joined(separator: ".")
        func narrowed(_ t: TypeRef) -> TypeRef { nonNull.contains(dotted) ? t.withNullable(false) : t }
        func member(_ n: Int, _ usage: String) -> Bool {
            if names.count == n { return true }
            let extra = names.count > n ? names[n] : root
            diagnostics.emit(Diagnostic(.unknownName, names.count > n ? "`\(names.prefix(n).map(\.value).joined(separator: "."))` has no member `\(extra.value)`."
                                                                       : "`\(root.value)` needs a member, as in `\(usage)`.", at: p.span))
            return false
        }
        if let binding = lookup(root.value) {
            switch binding {
            case .relationRow(let r):
                guard member(2, "\(root.value).\(r.fields.first?.name ?? "name")") else { return nil }
                guard let f = r.field(named: names[1].value) else {
                    diagnostics.emit(Diagnostic(.unknownField, "The relation `\(r.name)` has no field `\(names[1].value)`.", at: names[1].span)
                        .suggesting(names[1].value, among: r.fields.map(\.name), at: names[1].span))
                    return nil
                }
                return (.variable(.relationField(variable: root.value, relation: r.name, field: f), p.span), narrowed(f.typeRef))
            case .value(let t):
                guard member(1, root.value) else { return nil }
                return (.variable(.local(root.value), p.span), narrowed(t))
            case .forloop:
                let props: [String: ValueType] = ["index": .int, "index0": .int, "rindex": .int, "rindex0": .int, "first": .bool,
                                                  "last": .bool, "length": .int]
                guard member(2, "forloop.index") else { return nil }
                guard let t = props[names[1].value] else {
                    diagnostics.emit(Diagnostic(.unknownName, "`forloop` has no member `\(names[1].value)`.", at: names[1].span)
                        .suggesting(names[1].value, among: props.keys.sorted(), at: names[1].span))
                    return nil
                }
                return (.variable(.forloop(names[1].value), p.span), TypeRef(t))
            }
        }
        switch root.value {
        case "customer":
            guard member(2, "customer.first_name") else { return nil }
            let name = names[1]
            if let f = schema.customer.field(named: name.value) {
                customerFields.insert(f.name)
                return (.variable(.customerField(f), p.span), narrowed(f.typeRef))
            }
            if schema.relation(named: name.value) != nil {
                diagnostics.emit(Diagnostic(.typeMismatch, "The relation `customer.\(name.value)` can only be used as the collection of a `for` loop.",
                                            at: p.span))
                return nil
            }
            diagnostics.emit(Diagnostic(.unknownField, "The customer has no field `\(name.value)`.", at: name.span)
                .suggesting(name.value, among: schema.customer.allFieldNames + schema.relations.map(\.name), at: name.span))
            return nil
        case "unsubscribe_url", "postal_address":
            guard member(1, root.value) else { return nil }
            let b = TemplateBuiltin(rawValue: root.value)!
            builtins.insert(b)
            return (.variable(.builtin(b), p.span), b.type)
        case "campaign":
            guard member(2, "campaign.name") else { return nil }
            guard let b = TemplateBuiltin(rawValue: dotted) else {
                diagnostics.emit(Diagnostic(.unknownName, "`campaign` has no member `\(names[1].value)`.", at: names[1].span)
                    .suggesting(names[1].value, among: ["name", "variant"], at: names[1].span))
                return nil
            }
            return (.variable(.builtin(b), p.span), b.type)
        default:
            var known = ["customer", "campaign", "unsubscribe_url", "postal_address"]
            for s in scopes { known += s.keys }
            diagnostics.emit(Diagnostic(.unknownName, "`\(root.value)` is not a variable templates know.", at: root.span)
                .suggesting(root.value, among: known, at: root.span)
                .note("Templates read `customer.FIELD`, loop variables, `assign`ed names, `campaign.name`, `unsubscribe_url` and `postal_address`."))
            return nil
        }
    }

    private mutating func loop(_ l: LiquidLoop) -> CheckedLoop? {
        var source: CheckedLoop.Source
        var binding: Binding
        if case .path(let p) = l.collection.kind, p.segments.count == 2, p.root?.value == "customer", case .name(let n) = p.segments[1],
           let r = schema.relation(named: n.value) {
            relations.insert(r.name)
            source = .relation(r)
            binding = .relationRow(r)
        } else if case .path(let p) = l.collection.kind, p.segments.count == 2, p.root?.value == "customer", case .name(let n) = p.segments[1],
                  schema.customer.field(named: n.value) == nil {
            diagnostics.emit(Diagnostic(.unknownRelation, "The customer has no relation `\(n.value)`.", at: n.span)
                .suggesting(n.value, among: schema.relations.map(\.name), at: n.span))
            return nil
        } else {
            guard let (v, t) = value(l.collection) else { return nil }
            switch (l.collection.kind, t.base) {
            case (.range, _):
                source = .range(v)
                binding = .value(.int)
            case (_, .list(let element)):
                source = .list(v, element: element)
                binding = .value(TypeRef(element))
            default:
                diagnostics.emit(Diagnostic(.loopSource, "A loop runs over a relation or a list, but this is \(t).", at: l.collection.span)
                    .help("Loop over a relation such as `customer.\(schema.relations.first?.name ?? "recommendations")`."))
                return nil
            }
        }
        var limit: TemplateValue?, offset: TemplateValue?
        for (name, e) in [("limit", l.limit), ("offset", l.offset)] {
            guard let e else { continue }
            guard let (v, t) = value(e) else { return nil }
            guard t.base == .int, !t.nullable else {
                diagnostics.emit(Diagnostic(.filterArguments, "`\(name)` must be a whole number, not \(t).", at: e.span))
                return nil
            }
            if name == "limit" { limit = v } else { offset = v }
        }
        scopes.append([l.variable.value: binding, "forloop": .forloop])
        let body = nodes(l.body)
        scopes.removeLast()
        let elseBody = l.elseBody.map { nodes($0) }
        return CheckedLoop(variable: l.variable.value, source: source, limit: limit, offset: offset, reversed: l.reversed,
                           body: body, elseBody: elseBody, span: l.span)
    }
}
