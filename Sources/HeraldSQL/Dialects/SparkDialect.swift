import HeraldSchema

/// Spark SQL 3.4 and later. Timestamps are `TIMESTAMP`, decimals `DOUBLE`, event properties JSON text,
/// lists `ARRAY<STRING>`; `as_of` is the named parameter `:as_of`.
public struct SparkDialect: SQLDialect {
    public let name = "spark"

    public init() {}

    public var parameter: ParameterStyle { ParameterStyle(placeholder: ":as_of", binding: "named", format: "iso8601") }
    public var asOf: String { "CAST(:as_of AS TIMESTAMP)" }

    public var identifierQuoting: IdentifierQuoting { .backticks }

    /// Backslash escapes are on by default in Spark string literals.
    public var backslashEscapes: Bool { true }

    public func string(_ s: String) -> String {
        var out = "'"
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\0": out += "\\u0000"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "'"
    }

    public func timestamp(_ expression: String, plusSeconds seconds: Int64) -> String {
        seconds == 0 ? expression : "(\(expression) \(seconds >= 0 ? "+" : "-") INTERVAL \(abs(seconds)) SECONDS)"
    }

    public func timestampLiteral(_ s: Int64) -> String { "TIMESTAMP '\(CivilTime.iso8601(s))'" }
    public func dateLiteral(_ d: Int64) -> String { "DATE '\(CivilTime.isoDate(d))'" }

    public func epochSeconds(_ timestamp: String) -> String { "unix_timestamp(\(timestamp))" }

    /// `from_utc_timestamp` shifts to the zone's wall clock (the session zone is UTC).
    public func localEpochSeconds(_ timestamp: String, zone: SQLZone) -> String? {
        switch zone {
        case .named(let z): return "unix_timestamp(from_utc_timestamp(\(timestamp), \(string(z))))"
        case .column(let c, let fallback): return "unix_timestamp(from_utc_timestamp(\(timestamp), COALESCE(\(c), \(string(fallback)))))"
        }
    }

    public func daysSince(_ expression: String, isDate: Bool) -> String {
        // Epoch arithmetic, so the session time zone never matters.
        if isDate { return "(CAST(floor(unix_timestamp(\(asOf)) / 86400) AS BIGINT) - datediff(\(expression), DATE '1970-01-01'))" }
        return "CAST(floor((unix_timestamp(\(asOf)) - unix_timestamp(\(expression))) / 86400) AS BIGINT)"
    }

    public func jsonProperty(_ column: String, key: String, type: ValueType) -> String {
        let path = "$['" + key.escaping(["\\": "\\\\", "'": "\\'"]) + "']"
        let text = "get_json_object(\(column), \(string(path)))"
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
        case .timestamp: return "TIMESTAMP"
        case .date: return "DATE"
        case .list(let e): return "ARRAY<\(sqlType(e))>"
        default: return "STRING"
        }
    }

    public func cast(_ expression: String, to type: ValueType) -> String { "CAST(\(expression) AS \(sqlType(type)))" }
    public func divide(_ a: String, _ b: String) -> String { "(CAST(\(a) AS DOUBLE) / NULLIF(\(b), 0))" }
    public func integerDivide(_ a: String, _ b: String) -> String { "(\(a) DIV \(b))" }
    public func contains(_ haystack: String, _ needle: String) -> String { "(instr(\(haystack), \(needle)) > 0)" }
    public func startsWith(_ text: String, _ prefix: String) -> String { "startswith(\(text), \(prefix))" }
    public func listContains(_ list: String, _ element: String) -> String { "array_contains(\(list), \(element))" }
    public func listLength(_ list: String) -> String { "COALESCE(size(\(list)), 0)" }
    public func length(_ s: String) -> String { "char_length(\(s))" }
    public func toText(_ expression: String) -> String { "CAST(\(expression) AS STRING)" }

    public func valueAtExtremeTime(_ value: String, time: String, condition: String, latest: Bool, type: ValueType) -> String {
        "\(latest ? "max_by" : "min_by")(\(value), struct(\(time), \(value))) FILTER (WHERE \(condition))"
    }

    public func md5Hex(_ text: String) -> String { "md5(\(text))" }
    public func hexPrefixToInt(_ md5: String) -> String { "CAST(conv(substr(\(md5), 1, 8), 16, 10) AS BIGINT)" }
}
