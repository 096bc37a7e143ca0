import HeraldSchema

/// Snowflake. Timestamps are `TIMESTAMP_TZ`, decimals `DOUBLE`, event properties a `VARIANT`;
/// `as_of` is the numeric bind variable `:1`.
public struct SnowflakeDialect: SQLDialect {
    public let name = "snowflake"

    public init() {}

    public var parameter: ParameterStyle { ParameterStyle(placeholder: ":1", binding: "positional", format: "iso8601") }
    public var asOf: String { "CAST(:1 AS TIMESTAMP_TZ)" }

    /// Snowflake single-quoted strings treat backslash as an escape character.
    public var backslashEscapes: Bool { true }

    public func string(_ s: String) -> String {
        var out = "'"
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "'": out += "''"
            case "\0": out += "\\0"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "'"
    }

    public func timestamp(_ expression: String, plusSeconds seconds: Int64) -> String {
        seconds == 0 ? expression : "DATEADD(second, \(seconds), \(expression))"
    }

    public func timestampLiteral(_ s: Int64) -> String { "CAST('\(CivilTime.iso8601(s))' AS TIMESTAMP_TZ)" }
    public func dateLiteral(_ d: Int64) -> String { "DATE '\(CivilTime.isoDate(d))'" }

    public func epochSeconds(_ timestamp: String) -> String { "DATE_PART(epoch_second, \(timestamp))" }

    /// The wall clock in the zone, without its offset, read as seconds since the epoch.
    public func localEpochSeconds(_ timestamp: String, zone: SQLZone) -> String? {
        switch zone {
        case .named(let z): return "DATE_PART(epoch_second, CAST(CONVERT_TIMEZONE(\(string(z)), \(timestamp)) AS TIMESTAMP_NTZ))"
        case .column(let c, let fallback):
            return "DATE_PART(epoch_second, CAST(CONVERT_TIMEZONE(COALESCE(\(c), \(string(fallback))), \(timestamp)) AS TIMESTAMP_NTZ))"
        }
    }

    public func daysSince(_ expression: String, isDate: Bool) -> String {
        if isDate { return "DATEDIFF(day, \(expression), CAST(CONVERT_TIMEZONE('UTC', \(asOf)) AS DATE))" }
        return "CAST(FLOOR(DATEDIFF(second, \(expression), \(asOf)) / 86400) AS BIGINT)"
    }

    public func jsonProperty(_ column: String, key: String, type: ValueType) -> String {
        let value = "GET(\(column), \(string(key)))"
        switch type {
        case .int, .decimal, .bool, .timestamp, .date: return "CAST(\(value) AS \(sqlType(type)))"
        default: return "CAST(\(value) AS VARCHAR)"
        }
    }

    public func sqlType(_ type: ValueType) -> String {
        switch type {
        case .int: return "BIGINT"
        case .decimal: return "DOUBLE"
        case .bool: return "BOOLEAN"
        case .timestamp: return "TIMESTAMP_TZ"
        case .date: return "DATE"
        case .list: return "ARRAY"
        default: return "VARCHAR"
        }
    }

    public var jsonColumnType: String { "VARIANT" }

    public func cast(_ expression: String, to type: ValueType) -> String { "CAST(\(expression) AS \(sqlType(type)))" }
    public func divide(_ a: String, _ b: String) -> String { "(CAST(\(a) AS DOUBLE) / NULLIF(\(b), 0))" }
    public func integerDivide(_ a: String, _ b: String) -> String { "TRUNC(\(a) / \(b))" }
    public func remainder(_ a: String, _ b: String) -> String { "MOD(\(a), NULLIF(\(b), 0))" }
    public func contains(_ haystack: String, _ needle: String) -> String { "CONTAINS(\(haystack), \(needle))" }
    public func startsWith(_ text: String, _ prefix: String) -> String { "STARTSWITH(\(text), \(prefix))" }
    public func listContains(_ list: String, _ element: String) -> String { "ARRAY_CONTAINS(CAST(\(element) AS VARIANT), \(list))" }
    public func listLength(_ list: String) -> String { "COALESCE(ARRAY_SIZE(\(list)), 0)" }
    public func toText(_ expression: String) -> String { "CAST(\(expression) AS VARCHAR)" }

    public func valueAtExtremeTime(_ value: String, time: String, condition: String, latest: Bool, type: ValueType) -> String {
        let order = latest ? "\(time) DESC, \(value) DESC" : "\(time), \(value)"
        return "CAST(GET(ARRAY_AGG(IFF(\(condition), \(value), NULL)) WITHIN GROUP (ORDER BY \(order)), 0) AS \(sqlType(type)))"
    }

    public func md5Hex(_ text: String) -> String { "MD5(\(text))" }
    public func hexPrefixToInt(_ md5: String) -> String { "TO_NUMBER(SUBSTR(\(md5), 1, 8), 'XXXXXXXX')" }
}
