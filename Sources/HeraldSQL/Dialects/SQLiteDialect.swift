import HeraldSchema

/// SQLite, the embedded default. Timestamps are TEXT in SQLite's canonical `YYYY-MM-DD HH:MM:SS`
/// (UTC), booleans are 0/1, decimals REAL, lists JSON arrays. SQLite has no hash function: the
/// host registers `md5(text)` (Herald's runtime does; see docs/bundle-format.md).
public struct SQLiteDialect: SQLDialect {
    public let name = "sqlite"

    public init() {}

    public var parameter: ParameterStyle { ParameterStyle(placeholder: ":as_of", binding: "named", format: "sql") }
    /// `datetime()` normalizes whatever ISO form was bound into the canonical text form.
    public var asOf: String { "datetime(:as_of)" }

    public func boolean(_ b: Bool) -> String { b ? "1" : "0" }
    public func truthy(_ expression: String) -> String { "(\(expression) = 1)" }
    /// Unary `+` is SQLite's documented way to keep a term from choosing an index.
    public func withoutIndex(_ column: String) -> String { "+\(column)" }

    public func timestamp(_ expression: String, plusSeconds seconds: Int64) -> String {
        seconds == 0 ? expression : "datetime(\(expression), '\(seconds >= 0 ? "+" : "")\(seconds) seconds')"
    }

    public func timestampLiteral(_ s: Int64) -> String { "'\(CivilTime.sqlText(s))'" }
    public func dateLiteral(_ d: Int64) -> String { "'\(CivilTime.isoDate(d))'" }

    public func epochSeconds(_ timestamp: String) -> String { "CAST(strftime('%s', \(timestamp)) AS INTEGER)" }

    /// SQLite has no time zones: the host registers `herald_local_epoch(epoch seconds, zone, fallback)`
    /// (Herald's runtime does, with the same zone database as the simulator).
    public func localEpochSeconds(_ timestamp: String, zone: SQLZone) -> String? {
        switch zone {
        case _ where zone.isUTC: return epochSeconds(timestamp)
        case .named(let z): return "herald_local_epoch(\(epochSeconds(timestamp)), \(string(z)), \(string(z)))"
        case .column(let c, let fallback): return "herald_local_epoch(\(epochSeconds(timestamp)), \(c), \(string(fallback)))"
        }
    }

    public func daysSince(_ expression: String, isDate: Bool) -> String {
        if isDate { return "CAST(julianday(date(\(asOf))) - julianday(\(expression)) AS INTEGER)" }
        // Seconds between the two instants, divided rounding down (also for instants after as_of).
        let seconds = "(CAST(strftime('%s', \(asOf)) AS INTEGER) - CAST(strftime('%s', \(expression)) AS INTEGER))"
        return "((\(seconds) - (((\(seconds)) % 86400) + 86400) % 86400) / 86400)"
    }

    public func jsonProperty(_ column: String, key: String, type: ValueType) -> String {
        // A JSON path cannot name a key holding `"` or `\` in SQLite (its path labels have no
        // escapes), so such keys are looked up with json_each instead.
        let value = key.contains("\"") || key.contains("\\")
            ? "(SELECT j.value FROM json_each(\(column)) AS j WHERE j.key = \(string(key)))"
            : "json_extract(\(column), \(string("$.\"" + key + "\"")))"
        switch type {
        case .timestamp: return "datetime(\(value))"
        case .bool: return "(CASE \(value) WHEN 1 THEN 1 WHEN 0 THEN 0 END)"
        default: return value
        }
    }

    public func sqlType(_ type: ValueType) -> String {
        switch type {
        case .int, .bool: return "INTEGER"
        case .decimal: return "REAL"
        default: return "TEXT"
        }
    }

    public func cast(_ expression: String, to type: ValueType) -> String { "CAST(\(expression) AS \(sqlType(type)))" }
    public func divide(_ a: String, _ b: String) -> String { "(CAST(\(a) AS REAL) / NULLIF(\(b), 0))" }
    public func contains(_ haystack: String, _ needle: String) -> String { "(instr(\(haystack), \(needle)) > 0)" }
    public func startsWith(_ text: String, _ prefix: String) -> String { "(substr(\(text), 1, length(\(prefix))) = \(prefix))" }
    public func listContains(_ list: String, _ element: String) -> String {
        "EXISTS (SELECT 1 FROM json_each(\(list)) WHERE json_each.value = \(element))"
    }
    public func listLength(_ list: String) -> String { "json_array_length(\(list))" }
    public func toText(_ expression: String) -> String { "CAST(\(expression) AS TEXT)" }
    /// SQLite's LOWER and UPPER fold ASCII letters only (without the ICU extension).
    public func lower(_ s: String) -> String { "lower(\(s))" }
    public func upper(_ s: String) -> String { "upper(\(s))" }

    public func valueAtExtremeTime(_ value: String, time: String, condition: String, latest: Bool, type: ValueType) -> String {
        // Timestamps are fixed-width text, so `time || value` orders by time, then by value text.
        let packed = "\(latest ? "MAX" : "MIN")(CASE WHEN \(condition) THEN \(time) || char(31) || \(toText(value)) END)"
        let tail = "substr(\(packed), instr(\(packed), char(31)) + 1)"
        switch type {
        case .int, .bool: return "CAST(\(tail) AS INTEGER)"
        case .decimal: return "CAST(\(tail) AS REAL)"
        default: return tail
        }
    }

    public func md5Hex(_ text: String) -> String { "md5(\(text))" }

    public func hexPrefixToInt(_ md5: String) -> String {
        (0..<8).map { i in
            "(instr('0123456789abcdef', substr(\(md5), \(i + 1), 1)) - 1) * \(1 << (4 * (7 - i)))"
        }.joined(separator: " + ")
    }
}
