import HeraldChecker
import HeraldPlan
import HeraldSchema

/// Writes plan expressions as SQL of one dialect.
///
/// Where a name lives depends on the query part being written, so the writer is told how to reach
/// customer columns, event properties, features and ranks.
struct SQLExpressionWriter {
    let dialect: any SQLDialect
    let features: FeatureTable
    /// `c."column"` for a customer field.
    var customerColumn: (Field) -> String
    /// An event property inside a scan (`json_extract(e."properties", …)` or `e."column"`).
    var eventProperty: (Field) -> String = { _ in "NULL" }
    /// The column holding a computed feature, already defaulted (count and sum of nothing are 0).
    var feature: (FeatureID) -> String = { _ in "NULL" }
    /// The column holding a computed rank.
    var rank: (PlanExpr) -> String = { _ in "NULL" }

    func literal(_ v: Value) -> String {
        switch v {
        case .null: return "NULL"
        case .bool(let b): return dialect.boolean(b)
        case .int(let i): return String(i)
        case .decimal(let d): return dialect.decimal(d)
        case .string(let s): return dialect.string(s)
        case .timestamp(let t): return dialect.timestampLiteral(t)
        case .date(let d): return dialect.dateLiteral(d)
        case .duration(let s): return String(s)
        }
    }

    /// A condition: boolean-valued SQL usable in WHERE and CASE WHEN.
    func condition(_ e: PlanExpr) -> String {
        var out = SQLBuffer(dialect, capacity: 256)
        writeCondition(e, into: &out)
        return out.text
    }

    func value(_ e: PlanExpr) -> String {
        var out = SQLBuffer(dialect, capacity: 256)
        writeValue(e, into: &out)
        return out.text
    }

    // The tree is written into one buffer as it is walked: returning each node's text to its
    // parent, to be interpolated there, copied every level's text once more per level above it.

    /// A condition written at the end of `out`.
    func writeCondition(_ e: PlanExpr, into out: inout SQLBuffer) {
        switch e {
        case .column(let f) where f.type == .bool: out.add(dialect.truthy(customerColumn(f)))
        case .eventProperty(let f) where f.type == .bool: out.add(dialect.truthy(eventProperty(f)))
        case .constant(.bool(let b)): out.add(b ? "1 = 1" : "1 = 0")
        case .feature, .coalesce: out.add(dialect.truthy(value(e)))
        default: writeValue(e, into: &out)
        }
    }

    private func writeValue(_ e: PlanExpr, into out: inout SQLBuffer) {
        switch e {
        case .constant(let v): out.add(literal(v))
        case .asOf: out.add(dialect.asOf)
        case .column(let f): out.add(customerColumn(f))
        case .eventProperty(let f): out.add(eventProperty(f))
        case .feature(let id): out.add(feature(id))
        case .not(let x):
            out.add("(NOT ")
            writeCondition(x, into: &out)
            out.add(")")
        case .and(let xs): writeConditions(xs, joinedBy: " AND ", empty: "1 = 1", into: &out)
        case .or(let xs): writeConditions(xs, joinedBy: " OR ", empty: "1 = 0", into: &out)
        case .compare(let op, let a, let b):
            writeBinary("(", a, op == .equal ? " = " : (op == .notEqual ? " <> " : " \(op.rawValue) "), b, into: &out)
        case .arithmetic(let op, let a, let b, let type):
            out.add(arithmetic(op, a, b, type))
        case .negate(let x):
            out.add("(-")
            writeValue(x, into: &out)
            out.add(")")
        case .coalesce(let a, let b): writeBinary("COALESCE(", a, ", ", b, into: &out)
        case .isNull(let x, let n):
            out.add("(")
            writeValue(x, into: &out)
            out.add(n ? " IS NOT NULL)" : " IS NULL)")
        case .inList(let x, let values, let n):
            out.add("(")
            writeValue(x, into: &out)
            out.add(n ? " NOT IN (" : " IN (")
            for (i, v) in values.enumerated() {
                if i > 0 { out.add(", ") }
                out.add(literal(v))
            }
            out.add("))")
        case .contains(let a, let b):
            out.add(isList(a) ? dialect.listContains(value(a), value(b)) : dialect.contains(value(a), value(b)))
        case .startsWith(let a, let b): out.add(dialect.startsWith(value(a), value(b)))
        case .function(let f, let args): out.add(function(f, args))
        case .rank: out.add(rank(e))
        }
    }

    /// `open`, the value of `a`, `middle`, the value of `b`, and `)`.
    private func writeBinary(_ open: String, _ a: PlanExpr, _ middle: String, _ b: PlanExpr, into out: inout SQLBuffer) {
        out.add(open)
        writeValue(a, into: &out)
        out.add(middle)
        writeValue(b, into: &out)
        out.add(")")
    }

    /// `(x AND y …)`, or `empty` for no operand.
    private func writeConditions(_ xs: [PlanExpr], joinedBy separator: String, empty: String, into out: inout SQLBuffer) {
        guard !xs.isEmpty else { out.add(empty); return }
        out.add("(")
        for (i, x) in xs.enumerated() {
            if i > 0 { out.add(separator) }
            writeCondition(x, into: &out)
        }
        out.add(")")
    }

    private func isList(_ e: PlanExpr) -> Bool {
        switch e {
        case .column(let f), .eventProperty(let f):
            if case .list = f.type { return true }
            return false
        default: return false
        }
    }

    private func arithmetic(_ op: ArithmeticOperator, _ a: PlanExpr, _ b: PlanExpr, _ type: TypeRef) -> String {
        // Time arithmetic: only `timestamp ± constant duration` reaches SQL (durations are literals).
        if type.base == .timestamp {
            let (ts, dur, sign): (PlanExpr, PlanExpr, Int64) = isDuration(a) ? (b, a, 1) : (a, b, op == .subtract ? -1 : 1)
            if case .constant(.duration(let s)) = dur { return dialect.timestamp(value(ts), plusSeconds: sign * s) }
        }
        switch op {
        case .divide: return dialect.divide(value(a), value(b))
        case .remainder: return dialect.remainder(value(a), value(b))
        default: return "(\(value(a)) \(op.rawValue) \(value(b)))"
        }
    }

    private func isDuration(_ e: PlanExpr) -> Bool {
        if case .constant(.duration) = e { return true }
        return false
    }

    private func function(_ f: ScalarFunction, _ args: [PlanExpr]) -> String {
        let a = args[0]
        switch f {
        case .daysSince:
            let isDate: Bool
            switch a {
            case .column(let field), .eventProperty(let field): isDate = field.type == .date
            case .constant(.date): isDate = true
            default: isDate = false
            }
            return dialect.daysSince(value(a), isDate: isDate)
        case .lower: return dialect.lower(value(a))
        case .upper: return dialect.upper(value(a))
        case .length: return isList(a) ? dialect.listLength(value(a)) : dialect.length(value(a))
        }
    }
}
