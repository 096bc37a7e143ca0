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
        switch e {
        case .column(let f) where f.type == .bool: return dialect.truthy(customerColumn(f))
        case .eventProperty(let f) where f.type == .bool: return dialect.truthy(eventProperty(f))
        case .constant(.bool(let b)): return b ? "1 = 1" : "1 = 0"
        case .feature, .coalesce: return dialect.truthy(value(e))
        default: return value(e)
        }
    }

    func value(_ e: PlanExpr) -> String {
        switch e {
        case .constant(let v): return literal(v)
        case .asOf: return dialect.asOf
        case .column(let f): return customerColumn(f)
        case .eventProperty(let f): return eventProperty(f)
        case .feature(let id): return feature(id)
        case .not(let x): return "(NOT \(condition(x)))"
        case .and(let xs): return xs.isEmpty ? "1 = 1" : "(" + xs.map(condition).joined(separator: " AND ") + ")"
        case .or(let xs): return xs.isEmpty ? "1 = 0" : "(" + xs.map(condition).joined(separator: " OR ") + ")"
        case .compare(let op, let a, let b):
            let sqlOp = op == .equal ? "=" : (op == .notEqual ? "<>" : op.rawValue)
            return "(\(value(a)) \(sqlOp) \(value(b)))"
        case .arithmetic(let op, let a, let b, let type):
            return arithmetic(op, a, b, type)
        case .negate(let x): return "(-\(value(x)))"
        case .coalesce(let a, let b): return "COALESCE(\(value(a)), \(value(b)))"
        case .isNull(let x, let n): return "(\(value(x)) IS \(n ? "NOT " : "")NULL)"
        case .inList(let x, let values, let n):
            return "(\(value(x)) \(n ? "NOT IN" : "IN") (\(values.map(literal).joined(separator: ", "))))"
        case .contains(let a, let b):
            if isList(a) { return dialect.listContains(value(a), value(b)) }
            return dialect.contains(value(a), value(b))
        case .startsWith(let a, let b): return dialect.startsWith(value(a), value(b))
        case .function(let f, let args): return function(f, args)
        case .rank: return rank(e)
        }
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
