import HeraldSchema
import HeraldSource

/// What one recipient's message is rendered from: the audience row, relation rows and the values
/// the send system supplies.
public struct RenderInput: Sendable {
    public var fields: [String: RuntimeValue]
    public var relations: [String: [[String: RuntimeValue]]]
    public var builtins: [String: RuntimeValue]

    public init(fields: [String: RuntimeValue] = [:], relations: [String: [[String: RuntimeValue]]] = [:],
                builtins: [String: RuntimeValue] = [:]) {
        self.fields = fields
        self.relations = relations
        self.builtins = builtins
    }
}

/// The reference renderer of render programs. Records where each literal text landed in the output
/// so that problems found in the rendered HTML can be reported at their place in the source.
public struct Renderer {
    /// The nodes of a slot's chosen content, or nil for an empty slot.
    public var slot: (String) -> [RenderNode]?
    public private(set) var output = ""
    /// (byte offset in `output`, source span) of every literal text, in output order.
    public private(set) var trace: [(offset: Int, span: Span)] = []
    /// The byte range of `output` each slot of the outermost program filled, in output order
    /// (validation parses the text around them once and each slot's content on its own).
    public private(set) var slotRanges: [Range<Int>] = []
    private var slotDepth = 0
    private var input: RenderInput
    private var locals: [String: RuntimeValue] = [:]
    /// The open loops' positions, innermost last (what `forloop.…` reads).
    private var forloops: [LoopPosition] = []
    private var byteCount = 0

    /// `capacity`: the output's expected size in bytes (validation renders many versions of one
    /// message, about the same size; growing a 60 KB string by doubling copies it again and again).
    public init(input: RenderInput, capacity: Int = 0, slot: @escaping (String) -> [RenderNode]? = { _ in nil }) {
        self.input = input
        self.slot = slot
        if capacity > 0 { output.reserveCapacity(capacity) }
    }

    /// Renders nodes and returns the text.
    public static func render(_ nodes: [RenderNode], input: RenderInput, slot: @escaping (String) -> [RenderNode]? = { _ in nil }) -> String {
        var r = Renderer(input: input, slot: slot)
        r.run(nodes)
        return r.output
    }

    private mutating func emit(_ s: String) {
        output += s
        byteCount += s.utf8.count
    }

    public mutating func run(_ nodes: [RenderNode]) {
        for n in nodes {
            switch n {
            case .text(let s, let span):
                if let span { trace.append((byteCount, span)) }
                emit(s)
            case .output(let o):
                emit(render(o))
            case .assign(let name, let o):
                locals[name] = evaluate(o)
            case .slot(let name):
                let start = byteCount
                slotDepth += 1
                if let content = slot(name) { run(content) }
                slotDepth -= 1
                if slotDepth == 0 { slotRanges.append(start..<byteCount) }
            case .conditional(let branches, let elseBody):
                var taken = false
                for b in branches where truthy(b.condition) != b.negated {
                    run(b.body)
                    taken = true
                    break
                }
                if !taken, let e = elseBody { run(e) }
            case .caseOf(let subject, let whens, let elseBody):
                let v = value(subject)
                var taken = false
                for w in whens where w.values.contains(where: { LiquidCompare.equal(v, value($0)) }) {
                    run(w.body)
                    taken = true
                }
                if !taken, let e = elseBody { run(e) }
            case .loop(let l):
                loop(l)
            }
        }
    }

    private mutating func loop(_ l: RenderLoop) {
        var items: [RuntimeValue]
        if let r = l.relation {
            items = (input.relations[r] ?? []).map { .record($0) }
        } else if let c = l.collection {
            switch value(c) {
            case .array(let a): items = a
            default: items = []
            }
        } else {
            items = []
        }
        let offset = l.offset.flatMap { value($0).number }.map { max(0, Int($0)) } ?? 0
        items = Array(items.dropFirst(offset))
        if let limit = l.limit.flatMap({ value($0).number }) { items = Array(items.prefix(max(0, Int(limit)))) }
        if l.reversed { items.reverse() }
        if items.isEmpty {
            if let e = l.elseBody { run(e) }
            return
        }
        let saved = locals[l.variable]
        for (i, item) in items.enumerated() {
            locals[l.variable] = item
            forloops.append(LoopPosition(index0: i, length: items.count))
            run(l.body)
            forloops.removeLast()
        }
        locals[l.variable] = saved
    }

    private func evaluate(_ o: RenderOutput) -> RuntimeValue {
        var v = value(o.value)
        for f in o.filters { v = LiquidFilters.apply(f.name, v, f.arguments.map(value)) }
        return v
    }

    private func render(_ o: RenderOutput) -> String {
        let text = evaluate(o).text
        // `| escape` already made the text HTML; escaping again would show `&amp;lt;`.
        let preEscaped = o.filters.last?.name == "escape"
        switch o.escape {
        case .none: return text
        case .html: return preEscaped ? text : HTMLEscaping.escape(text)
        case .url: return HTMLEscaping.escape(HTMLEscaping.safeURL(preEscaped ? text : text))
        }
    }

    private func truthy(_ v: RenderValue) -> Bool { value(v).isTruthy }

    func value(_ v: RenderValue) -> RuntimeValue {
        switch v {
        case .literal(let x): return RuntimeValue(x)
        case .empty: return .string("")
        case .blank: return .string("")
        case .field(let name): return input.fields[name] ?? .null
        case .rowField(let variable, let field):
            if case .record(let r)? = locals[variable] { return r[field] ?? .null }
            return .null
        case .local(let name): return locals[name] ?? .null
        case .forloop(let p): return forloops.last?.property(p) ?? .null
        case .builtin(let name): return input.builtins[name] ?? .null
        case .range(let a, let b):
            guard let x = value(a).number, let y = value(b).number, y >= x, y - x < 10_000 else { return .array([]) }
            return .array((Int64(x)...Int64(y)).map { .int($0) })
        case .comparison(let op, let a, let b):
            return .bool(LiquidCompare.compare(op, value(a), value(b), rhsIsEmpty: b == .empty, rhsIsBlank: b == .blank))
        case .logical(let isAnd, let a, let b):
            let l = value(a).isTruthy
            return .bool(isAnd ? (l && value(b).isTruthy) : (l || value(b).isTruthy))
        }
    }
}

/// Where a loop stands, as Liquid's `forloop` object shows it: its properties are computed when
/// read, not stored in a dictionary built for every iteration.
private struct LoopPosition {
    var index0: Int
    var length: Int

    func property(_ name: String) -> RuntimeValue {
        switch name {
        case "index": return .int(Int64(index0 + 1))
        case "index0": return .int(Int64(index0))
        case "rindex": return .int(Int64(length - index0))
        case "rindex0": return .int(Int64(length - index0 - 1))
        case "first": return .bool(index0 == 0)
        case "last": return .bool(index0 == length - 1)
        case "length": return .int(Int64(length))
        default: return .null
        }
    }
}

/// Liquid's comparison semantics.
enum LiquidCompare {
    static func equal(_ a: RuntimeValue, _ b: RuntimeValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.null, _), (_, .null): return false
        case (.string(let x), .string(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.int, .int), (.int, .double), (.double, .int), (.double, .double): return a.number == b.number
        default: return false
        }
    }

    static func compare(_ op: String, _ a: RuntimeValue, _ b: RuntimeValue, rhsIsEmpty: Bool, rhsIsBlank: Bool) -> Bool {
        if rhsIsBlank { return op == "==" ? a.isBlank : (op == "!=" ? !a.isBlank : false) }
        if rhsIsEmpty { return op == "==" ? a.isEmptyValue : (op == "!=" ? !a.isEmptyValue : false) }
        switch op {
        case "==": return equal(a, b)
        case "!=": return !equal(a, b)
        case "contains":
            switch a {
            case .string(let s): return s.contains(b.text) && !(b == .null)
            case .array(let items): return items.contains { equal($0, b) }
            default: return false
            }
        default:
            let order: Int?
            switch (a, b) {
            case (.string(let x), .string(let y)): order = x == y ? 0 : (x < y ? -1 : 1)
            default:
                if let x = a.number, let y = b.number, !(isString(a) || isString(b)) { order = x == y ? 0 : (x < y ? -1 : 1) } else { order = nil }
            }
            guard let order else { return false }
            switch op {
            case "<": return order < 0
            case "<=": return order <= 0
            case ">": return order > 0
            case ">=": return order >= 0
            default: return false
            }
        }
    }

    private static func isString(_ v: RuntimeValue) -> Bool {
        if case .string = v { return true }
        return false
    }
}
