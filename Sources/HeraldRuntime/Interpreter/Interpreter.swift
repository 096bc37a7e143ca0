import HeraldChecker
import HeraldSchema
import HeraldSyntax

/// The reference interpreter: evaluates checked expressions over in-memory customers and events
/// with the semantics the generated SQL has on every engine. It is the oracle of the differential
/// tests, and documents the semantics in code.
public struct Interpreter {
    public private(set) var asOf: Int64
    /// Events per customer key, in time order (including events after `asOf`, which aggregates skip).
    private let events: [Value: [SampleDataset.Event]]
    /// Customer rows by key.
    private let customers: [[String: Value]]
    private let keyField: String
    /// Rank values per rank expression, computed once over the whole customer base.
    private var rankCache: [String: [Value: Value]] = [:]

    public init(data: SampleDataset, schema: Schema) {
        asOf = data.asOf
        customers = data.customers
        keyField = schema.customer.key.name
        var byCustomer: [Value: [SampleDataset.Event]] = [:]
        for e in data.events { byCustomer[e.customer, default: []].append(e) }
        for (k, list) in byCustomer where zip(list, list.dropFirst()).contains(where: { $0.time > $1.time }) {
            byCustomer[k] = list.sorted { $0.time < $1.time }
        }
        events = byCustomer
    }

    /// The same customers and events evaluated at another instant (what the simulator does at
    /// every tick); the per-customer event index is shared, not rebuilt.
    public func at(_ instant: Int64) -> Interpreter {
        var copy = self
        copy.asOf = instant
        copy.rankCache = [:]
        return copy
    }

    /// The keys of the customers for whom a condition holds (null counts as false), in key order.
    public mutating func select(_ condition: TypedExpr) -> [Value] {
        customers.compactMap { row in
            evaluate(condition, row: row, event: nil) == .bool(true) ? row[keyField] : nil
        }
    }

    public mutating func evaluate(_ e: TypedExpr, row: [String: Value], event: SampleDataset.Event?) -> Value {
        switch e.kind {
        case .literal(let v): return v
        case .asOf: return .timestamp(asOf)
        case .field(let f): return row[f.name] ?? .null
        case .eventProperty(let f): return event?.properties[f.name] ?? .null
        case .segment(_, let rule): return evaluate(rule, row: row, event: event)
        case .aggregate(let a): return aggregate(a, customer: row[keyField] ?? .null)
        case .not(let x):
            guard case .bool(let b) = evaluate(x, row: row, event: event) else { return .null }
            return .bool(!b)
        case .and(let xs):
            // SQL's three-valued AND: false wins, then null.
            var sawNull = false
            for x in xs {
                switch evaluate(x, row: row, event: event) {
                case .bool(false): return .bool(false)
                case .bool(true): continue
                default: sawNull = true
                }
            }
            return sawNull ? .null : .bool(true)
        case .or(let xs):
            var sawNull = false
            for x in xs {
                switch evaluate(x, row: row, event: event) {
                case .bool(true): return .bool(true)
                case .bool(false): continue
                default: sawNull = true
                }
            }
            return sawNull ? .null : .bool(false)
        case .compare(let op, let a, let b):
            let l = evaluate(a, row: row, event: event), r = evaluate(b, row: row, event: event)
            guard let order = Interpreter.order(l, r) else { return .null }
            return .bool(Interpreter.holds(op, order))
        case .arithmetic(let op, let a, let b):
            return Interpreter.arithmetic(op, evaluate(a, row: row, event: event), evaluate(b, row: row, event: event), e.type.base)
        case .negate(let x):
            switch evaluate(x, row: row, event: event) {
            case .int(let i): return .int(-i)
            case .decimal(let d): return Interpreter.decimal(-(Double(d) ?? 0))
            case .duration(let s): return .duration(-s)
            default: return .null
            }
        case .coalesce(let a, let b):
            let v = evaluate(a, row: row, event: event)
            return v == .null ? evaluate(b, row: row, event: event) : v
        case .isNull(let x, let negated):
            return .bool((evaluate(x, row: row, event: event) == .null) != negated)
        case .inList(let x, let values, let negated):
            let v = evaluate(x, row: row, event: event)
            if v == .null { return .null }
            return .bool(values.contains { Interpreter.order(v, $0) == 0 } != negated)
        case .contains(let a, let b):
            let l = evaluate(a, row: row, event: event), r = evaluate(b, row: row, event: event)
            guard case .string(let s) = l, case .string(let t) = r else { return .null }
            if case .list = a.type.base { return .bool(Interpreter.listItems(s).contains(t)) }
            return .bool(t.isEmpty || s.contains(t))
        case .startsWith(let a, let b):
            guard case .string(let s) = evaluate(a, row: row, event: event), case .string(let t) = evaluate(b, row: row, event: event) else { return .null }
            return .bool(s.unicodeScalars.starts(with: t.unicodeScalars))
        case .function(let f, let args):
            return function(f, args, row: row, event: event)
        case .rank(let kind, let x):
            return rank(kind, x, e, customer: row[keyField] ?? .null)
        }
    }

    private mutating func function(_ f: ScalarFunction, _ args: [TypedExpr], row: [String: Value], event: SampleDataset.Event?) -> Value {
        let v = evaluate(args[0], row: row, event: event)
        switch (f, v) {
        case (_, .null): return .null
        case (.daysSince, .timestamp(let t)): return .int(CivilTime.floorDiv(asOf - t, 86_400))
        case (.daysSince, .date(let d)): return .int(CivilTime.floorDiv(asOf, 86_400) - d)
        // Case folding changes ASCII letters only, as the SQL of every dialect does.
        case (.lower, .string(let s)): return .string(Interpreter.mapASCII(s, upper: false))
        case (.upper, .string(let s)): return .string(Interpreter.mapASCII(s, upper: true))
        case (.length, .string(let s)):
            if case .list = args[0].type.base { return .int(Int64(Interpreter.listItems(s).count)) }
            return .int(Int64(s.unicodeScalars.count))
        default: return .null
        }
    }

    static func mapASCII(_ s: String, upper: Bool) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { c in
            if upper, c >= "a" && c <= "z" { return Unicode.Scalar(c.value - 32)! }
            if !upper, c >= "A" && c <= "Z" { return Unicode.Scalar(c.value + 32)! }
            return c
        }))
    }

    /// The items of a list value (stored as JSON array text, as the sample data writes it).
    static func listItems(_ json: String) -> [String] {
        let inner = json.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
        if inner.isEmpty { return [] }
        return inner.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")) }
    }

    // MARK: - Aggregates

    private mutating func aggregate(_ a: EventAggregate, customer: Value) -> Value {
        let from = a.window.map { asOf - $0.seconds }
        var matching: [SampleDataset.Event] = []
        for e in events[customer] ?? [] {
            if e.time > asOf { break }
            if let from, e.time < from { continue }
            if let t = a.event, e.type != t.name { continue }
            if let f = a.filter, evaluate(f, row: [:], event: e) != .bool(true) { continue }
            matching.append(e)
        }
        switch a.function {
        case .count: return .int(Int64(matching.count))
        case .exists: return .bool(!matching.isEmpty)
        default: break
        }
        guard let p = a.property else {
            let times = matching.map(\.time)
            guard let t = a.function == .first ? times.min() : times.max() else { return .null }
            return .timestamp(t)
        }
        let values = matching.compactMap { e -> (Int64, Value)? in
            let v = e.properties[p.name] ?? .null
            return v == .null ? nil : (e.time, v)
        }
        switch a.function {
        case .sum:
            if p.type == .int { return .int(values.reduce(0) { $0 + ($1.1.number.map { Int64($0) } ?? 0) }) }
            return Interpreter.decimal(values.reduce(0.0) { $0 + ($1.1.number ?? 0) })
        case .avg:
            guard !values.isEmpty else { return .null }
            return Interpreter.decimal(values.reduce(0.0) { $0 + ($1.1.number ?? 0) } / Double(values.count))
        case .min, .max:
            let sorted = values.map(\.1).sorted { Interpreter.order($0, $1) ?? 0 < 0 }
            return (a.function == .min ? sorted.first : sorted.last) ?? .null
        case .first, .last:
            // Earliest (latest) time; among ties, the smallest (largest) value.
            let sorted = values.sorted { x, y in x.0 != y.0 ? x.0 < y.0 : (Interpreter.order(x.1, y.1) ?? 0) < 0 }
            return (a.function == .first ? sorted.first?.1 : sorted.last?.1) ?? .null
        default:
            return .null
        }
    }

    /// `1 + buckets × (rank − 1) ÷ n`, rank counting customers with a strictly smaller value, over non-null values.
    private mutating func rank(_ kind: RankKind, _ x: TypedExpr, _ whole: TypedExpr, customer: Value) -> Value {
        let key = ExprPrinter.print(whole)
        if rankCache[key] == nil {
            var values: [(Value, Value)] = []
            for row in customers { values.append((row[keyField] ?? .null, evaluate(x, row: row, event: nil))) }
            let present = values.filter { $0.1 != .null }
            let sorted = present.map(\.1).sorted { Interpreter.order($0, $1) ?? 0 < 0 }
            let n = Int64(sorted.count)
            var table: [Value: Value] = [:]
            for (k, v) in values {
                guard v != .null else { table[k] = .null; continue }
                // Rank = 1 + number of values strictly smaller (binary search over the sorted values).
                var lo = 0, hi = sorted.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if (Interpreter.order(sorted[mid], v) ?? 0) < 0 { lo = mid + 1 } else { hi = mid }
                }
                table[k] = .int(1 + (kind.buckets * Int64(lo)) / n)
            }
            rankCache[key] = table
        }
        return rankCache[key]?[customer] ?? .null
    }

    // MARK: - Values

    static func decimal(_ d: Double) -> Value { .decimal(String(d)) }

    /// -1, 0, 1 for comparable non-null values; nil otherwise (SQL's unknown).
    public static func order(_ a: Value, _ b: Value) -> Int? {
        switch (a, b) {
        case (.null, _), (_, .null): return nil
        case (.timestamp(let x), .timestamp(let y)), (.date(let x), .date(let y)), (.duration(let x), .duration(let y)):
            return x < y ? -1 : (x == y ? 0 : 1)
        case (.string(let x), .string(let y)):
            // Code point order, which is UTF-8 byte order: what binary collations compare.
            return x == y ? 0 : (Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8)) ? -1 : 1)
        case (.bool(let x), .bool(let y)):
            return x == y ? 0 : (x ? 1 : -1)
        default:
            guard let x = a.number, let y = b.number else { return nil }
            return x < y ? -1 : (x == y ? 0 : 1)
        }
    }

    static func holds(_ op: CompareOperator, _ order: Int) -> Bool {
        switch op {
        case .equal: return order == 0
        case .notEqual: return order != 0
        case .less: return order < 0
        case .lessOrEqual: return order <= 0
        case .greater: return order > 0
        case .greaterOrEqual: return order >= 0
        }
    }

    static func arithmetic(_ op: ArithmeticOperator, _ l: Value, _ r: Value, _ type: ValueType) -> Value {
        if l == .null || r == .null { return .null }
        switch (op, l, r) {
        case (.add, .timestamp(let t), .duration(let d)), (.add, .duration(let d), .timestamp(let t)): return .timestamp(t + d)
        case (.subtract, .timestamp(let t), .duration(let d)): return .timestamp(t - d)
        case (.add, .duration(let a), .duration(let b)): return .duration(a + b)
        case (.subtract, .duration(let a), .duration(let b)): return .duration(a - b)
        case (.multiply, .duration(let a), .int(let b)), (.multiply, .int(let b), .duration(let a)): return .duration(a * b)
        case (.remainder, .int(let a), .int(let b)): return b == 0 ? .null : .int(a % b)
        case (.divide, _, _):
            guard let x = l.number, let y = r.number, y != 0 else { return .null }
            return decimal(x / y)
        case (_, .int(let a), .int(let b)) where type == .int:
            switch op {
            case .add: return .int(a &+ b)
            case .subtract: return .int(a &- b)
            default: return .int(a &* b)
            }
        default:
            guard let x = l.number, let y = r.number else { return .null }
            switch op {
            case .add: return decimal(x + y)
            case .subtract: return decimal(x - y)
            default: return decimal(x * y)
            }
        }
    }
}

import Foundation
