import HeraldSchema

/// DuckDB. Timestamps are `TIMESTAMPTZ`, decimals `DOUBLE`, event properties `JSON`, lists
/// `VARCHAR[]`; `as_of` is parameter `$1`.
public struct DuckDBDialect: SQLDialect {
    public let name = "duckdb"

    public init() {}

    public var parameter: ParameterStyle { ParameterStyle(placeholder: "$1", binding: "positional", format: "iso8601") }
    public var asOf: String { "CAST($1 AS TIMESTAMPTZ)" }

    public func timestamp(_ expression: String, plusSeconds seconds: Int64) -> String {
        seconds == 0 ? expression : "(\(expression) \(seconds >= 0 ? "+" : "-") INTERVAL '\(abs(seconds)) seconds')"
    }

    public func timestampLiteral(_ s: Int64) -> String { "TIMESTAMPTZ '\(CivilTime.iso8601(s))'" }
    public func dateLiteral(_ d: Int64) -> String { "DATE '\(CivilTime.isoDate(d))'" }

    public func epochSeconds(_ timestamp: String) -> String { "CAST(floor(epoch(\(timestamp))) AS BIGINT)" }

    /// `timezone(z, timestamptz)` is the local wall clock as a plain `TIMESTAMP` (ICU extension).
    public func localEpochSeconds(_ timestamp: String, zone: SQLZone) -> String? {
        switch zone {
        case .named(let z): return "CAST(floor(epoch(timezone(\(string(z)), \(timestamp)))) AS BIGINT)"
        case .column(let c, let fallback): return "CAST(floor(epoch(timezone(COALESCE(\(c), \(string(fallback))), \(timestamp)))) AS BIGINT)"
        }
    }

    public func daysSince(_ expression: String, isDate: Bool) -> String {
        // Epoch arithmetic, so the session time zone never matters.
        if isDate { return "(CAST(floor(epoch(\(asOf)) / 86400) AS BIGINT) - CAST(floor(epoch(CAST(\(expression) AS TIMESTAMP)) / 86400) AS BIGINT))" }
        return "CAST(floor((epoch(\(asOf)) - epoch(\(expression))) / 86400) AS BIGINT)"
    }

    public func jsonProperty(_ column: String, key: String, type: ValueType) -> String {
        let path = "$.\"" + key.escaping(["\\": "\\\\", "\"": "\\\""]) + "\""
        let text = "json_extract_string(\(column), \(string(path)))"
        switch type {
        case .int, .decimal, .bool, .timestamp, .date: return "CAST(\(text) AS \(sqlType(type)))"
        default: return text
        }
    }

    public func sqlType(_ type: ValueType) -> String {
        switch type {
        case .int: return "BIGINT"
        case .decimal: return "DOUBLE"
        case .bool: return "BOOLEAN"
        case .timestamp: return "TIMESTAMPTZ"
        case .date: return "DATE"
        case .list(let e): return sqlType(e) + "[]"
        default: return "VARCHAR"
        }
    }

    public var jsonColumnType: String { "JSON" }

    public func cast(_ expression: String, to type: ValueType) -> String { "CAST(\(expression) AS \(sqlType(type)))" }
    public func divide(_ a: String, _ b: String) -> String { "(CAST(\(a) AS DOUBLE) / NULLIF(\(b), 0))" }
    public func integerDivide(_ a: String, _ b: String) -> String { "(\(a) // \(b))" }
    public func contains(_ haystack: String, _ needle: String) -> String { "contains(\(haystack), \(needle))" }
    public func startsWith(_ text: String, _ prefix: String) -> String { "starts_with(\(text), \(prefix))" }
    public func listContains(_ list: String, _ element: String) -> String { "list_contains(\(list), \(element))" }
    public func listLength(_ list: String) -> String { "COALESCE(len(\(list)), 0)" }
    public func toText(_ expression: String) -> String { "CAST(\(expression) AS VARCHAR)" }

    public func valueAtExtremeTime(_ value: String, time: String, condition: String, latest: Bool, type: ValueType) -> String {
        let order = latest ? "\(time) DESC, \(value) DESC" : "\(time), \(value)"
        return "first(\(value) ORDER BY \(order)) FILTER (WHERE \(condition))"
    }

    public func md5Hex(_ text: String) -> String { "md5(\(text))" }
    public func hexPrefixToInt(_ md5: String) -> String { "CAST(('0x' || substr(\(md5), 1, 8)) AS BIGINT)" }
}
