import HeraldSchema

/// Google BigQuery (GoogleSQL). Timestamps are `TIMESTAMP`, decimals `FLOAT64`, event properties a
/// `JSON` column; `as_of` is the named parameter `@as_of` (a TIMESTAMP or an ISO 8601 STRING).
public struct BigQueryDialect: SQLDialect {
    public let name = "bigquery"

    public init() {}

    public var parameter: ParameterStyle { ParameterStyle(placeholder: "@as_of", binding: "named", format: "iso8601") }
    public var asOf: String { "CAST(@as_of AS TIMESTAMP)" }

    public var identifierQuoting: IdentifierQuoting { .backticksWithBackslash }

    /// BigQuery strings use backslash escapes and cannot hold a raw line break.
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
            default:
                if c.value < 0x20 || c.value == 0x7F {
                    let hex = String(c.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "'"
    }

    public func timestamp(_ expression: String, plusSeconds seconds: Int64) -> String {
        seconds == 0 ? expression : "TIMESTAMP_\(seconds >= 0 ? "ADD" : "SUB")(\(expression), INTERVAL \(abs(seconds)) SECOND)"
    }

    public func timestampLiteral(_ s: Int64) -> String { "TIMESTAMP '\(CivilTime.sqlText(s))+00'" }
    public func dateLiteral(_ d: Int64) -> String { "DATE '\(CivilTime.isoDate(d))'" }

    public func epochSeconds(_ timestamp: String) -> String { "UNIX_SECONDS(\(timestamp))" }

    /// `DATETIME(ts, zone)` is the local wall clock; read back as UTC it gives the local epoch.
    public func localEpochSeconds(_ timestamp: String, zone: SQLZone) -> String? {
        switch zone {
        case .named(let z): return "UNIX_SECONDS(TIMESTAMP(DATETIME(\(timestamp), \(string(z)))))"
        case .column(let c, let fallback): return "UNIX_SECONDS(TIMESTAMP(DATETIME(\(timestamp), COALESCE(\(c), \(string(fallback))))))"
        }
    }

    public func daysSince(_ expression: String, isDate: Bool) -> String {
        if isDate { return "DATE_DIFF(DATE(\(asOf)), \(expression), DAY)" }
        return "CAST(FLOOR((UNIX_SECONDS(\(asOf)) - UNIX_SECONDS(\(expression))) / 86400) AS INT64)"
    }

    public func jsonProperty(_ column: String, key: String, type: ValueType) -> String {
        let path = "$.\"" + key.escaping(["\\": "\\\\", "\"": "\\\""]) + "\""
        let text = "JSON_VALUE(\(column), \(string(path)))"
        switch type {
        case .int, .decimal, .bool, .timestamp, .date: return "CAST(\(text) AS \(sqlType(type)))"
        default: return text
        }
    }

    public func sqlType(_ type: ValueType) -> String {
        switch type {
        case .int: return "INT64"
        case .decimal: return "FLOAT64"
        case .bool: return "BOOL"
        case .timestamp: return "TIMESTAMP"
        case .date: return "DATE"
        case .list(let e): return "ARRAY<\(sqlType(e))>"
        default: return "STRING"
        }
    }

    public var jsonColumnType: String { "JSON" }

    public func cast(_ expression: String, to type: ValueType) -> String { "CAST(\(expression) AS \(sqlType(type)))" }
    public func divide(_ a: String, _ b: String) -> String { "SAFE_DIVIDE(CAST(\(a) AS FLOAT64), \(b))" }
    public func integerDivide(_ a: String, _ b: String) -> String { "DIV(\(a), \(b))" }
    public func remainder(_ a: String, _ b: String) -> String { "MOD(\(a), NULLIF(\(b), 0))" }
    /// GoogleSQL has no `%` operator.
    public func modulo(_ a: String, _ b: Int) -> String { "MOD(\(a), \(b))" }
    public func contains(_ haystack: String, _ needle: String) -> String { "(STRPOS(\(haystack), \(needle)) > 0)" }
    public func startsWith(_ text: String, _ prefix: String) -> String { "STARTS_WITH(\(text), \(prefix))" }
    public func listContains(_ list: String, _ element: String) -> String { "(\(element) IN UNNEST(\(list)))" }
    public func listLength(_ list: String) -> String { "ARRAY_LENGTH(\(list))" }
    public func toText(_ expression: String) -> String { "CAST(\(expression) AS STRING)" }
    public func concat(_ parts: [String]) -> String { "CONCAT(" + parts.joined(separator: ", ") + ")" }

    public func valueAtExtremeTime(_ value: String, time: String, condition: String, latest: Bool, type: ValueType) -> String {
        let order = latest ? "\(time) DESC, \(value) DESC" : "\(time), \(value)"
        return "ARRAY_AGG(IF(\(condition), \(value), NULL) IGNORE NULLS ORDER BY \(order) LIMIT 1)[SAFE_OFFSET(0)]"
    }

    public func md5Hex(_ text: String) -> String { "TO_HEX(MD5(\(text)))" }
    public func hexPrefixToInt(_ md5: String) -> String { "CAST(CONCAT('0x', SUBSTR(\(md5), 1, 8)) AS INT64)" }
}
