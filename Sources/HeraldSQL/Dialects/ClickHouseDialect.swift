import HeraldSchema

/// ClickHouse. Timestamps are `DateTime64(3, 'UTC')`, decimals `Float64`, event properties JSON text
/// in a `String`, nullable fields `Nullable(T)`. `as_of` is the query parameter
/// `{as_of:DateTime64(3, 'UTC')}` (`param_as_of`); queries end with `SETTINGS join_use_nulls = 1`
/// so that outer joins produce NULL as SQL defines.
public struct ClickHouseDialect: SQLDialect {
    public let name = "clickhouse"

    public init() {}

    public var parameter: ParameterStyle {
        ParameterStyle(placeholder: "{as_of:DateTime64(3, 'UTC')}", binding: "named", format: "sql")
    }
    public var asOf: String { "{as_of:DateTime64(3, 'UTC')}" }
    public var querySuffix: String { "SETTINGS join_use_nulls = 1" }
    public func signedInteger(_ expression: String) -> String { "toInt64(\(expression))" }

    public var identifierQuoting: IdentifierQuoting { .backticksWithBackslash }

    /// Backslash is an escape character in ClickHouse literals.
    public var backslashEscapes: Bool { true }

    public func string(_ s: String) -> String {
        var out = "'"
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\0": out += "\\0"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "'"
    }

    public func boolean(_ b: Bool) -> String { b ? "true" : "false" }

    public func timestamp(_ expression: String, plusSeconds seconds: Int64) -> String {
        seconds == 0 ? expression : "(\(expression) \(seconds >= 0 ? "+" : "-") INTERVAL \(abs(seconds)) SECOND)"
    }

    public func timestampLiteral(_ s: Int64) -> String { "toDateTime64('\(CivilTime.sqlText(s))', 3, 'UTC')" }
    public func dateLiteral(_ d: Int64) -> String { "toDate32('\(CivilTime.isoDate(d))')" }

    public func epochSeconds(_ timestamp: String) -> String { "toInt64(floor(toUnixTimestamp64Milli(\(timestamp)) / 1000))" }

    /// ClickHouse converts only to a constant time zone, so a per-customer zone cannot be expressed.
    public func localEpochSeconds(_ timestamp: String, zone: SQLZone) -> String? {
        guard case .named(let z) = zone else { return nil }
        return "(\(epochSeconds(timestamp)) + timeZoneOffset(toTimeZone(\(timestamp), \(string(z)))))"
    }

    public func daysSince(_ expression: String, isDate: Bool) -> String {
        if isDate { return "(toInt64(toDate32(\(asOf), 'UTC')) - toInt64(\(expression)))" }
        return "toInt64(floor((toUnixTimestamp64Milli(\(asOf)) - toUnixTimestamp64Milli(\(expression))) / 86400000))"
    }

    public func jsonProperty(_ column: String, key: String, type: ValueType) -> String {
        let k = string(key)
        switch type {
        case .int: return "JSONExtract(\(column), \(k), 'Nullable(Int64)')"
        case .decimal: return "JSONExtract(\(column), \(k), 'Nullable(Float64)')"
        case .bool: return "JSONExtract(\(column), \(k), 'Nullable(Bool)')"
        case .timestamp: return "parseDateTime64BestEffortOrNull(JSONExtract(\(column), \(k), 'Nullable(String)'), 3, 'UTC')"
        case .date: return "toDate32OrNull(JSONExtract(\(column), \(k), 'Nullable(String)'))"
        default: return "JSONExtract(\(column), \(k), 'Nullable(String)')"
        }
    }

    public func sqlType(_ type: ValueType) -> String {
        switch type {
        case .int: return "Int64"
        case .decimal: return "Float64"
        case .bool: return "Bool"
        case .timestamp: return "DateTime64(3, 'UTC')"
        case .date: return "Date32"
        case .list(let e): return "Array(\(sqlType(e)))"
        default: return "String"
        }
    }

    public func createTable(_ name: String, columns: [(name: String, type: String, nullable: Bool)], key: String?) -> String {
        let cols = columns.map { c in
            "\(quote(c.name)) " + (c.nullable && !c.type.hasPrefix("Array") ? "Nullable(\(c.type))" : c.type)
        }
        return "CREATE TABLE \(quote(name)) (\(cols.joined(separator: ", "))) ENGINE = MergeTree ORDER BY \(key.map(quote) ?? "tuple()")"
    }

    public func cast(_ expression: String, to type: ValueType) -> String { "CAST(\(expression) AS Nullable(\(sqlType(type))))" }
    public func divide(_ a: String, _ b: String) -> String { "(toFloat64(\(a)) / NULLIF(\(b), 0))" }
    public func integerDivide(_ a: String, _ b: String) -> String { "intDiv(\(a), \(b))" }
    public func contains(_ haystack: String, _ needle: String) -> String { "(position(\(haystack), \(needle)) > 0)" }
    public func startsWith(_ text: String, _ prefix: String) -> String { "startsWith(\(text), \(prefix))" }
    public func listContains(_ list: String, _ element: String) -> String { "has(\(list), \(element))" }
    public func listLength(_ list: String) -> String { "length(\(list))" }
    /// ClickHouse's `lower`/`upper` fold ASCII only (`lowerUTF8` would fold everything).
    public func lower(_ s: String) -> String { "lower(\(s))" }
    public func upper(_ s: String) -> String { "upper(\(s))" }
    public func length(_ s: String) -> String { "lengthUTF8(\(s))" }
    public func toText(_ expression: String) -> String { "toString(\(expression))" }
    public func concat(_ parts: [String]) -> String { "concat(" + parts.joined(separator: ", ") + ")" }

    public func valueAtExtremeTime(_ value: String, time: String, condition: String, latest: Bool, type: ValueType) -> String {
        let fn = latest ? "argMaxIf" : "argMinIf"
        return "if(countIf(\(condition)) = 0, NULL, \(fn)(\(value), tuple(\(time), \(value)), \(condition)))"
    }

    public func md5Hex(_ text: String) -> String { "lower(hex(MD5(\(text))))" }
    public func hexPrefixToInt(_ md5: String) -> String { "toInt64(reinterpretAsUInt32(reverse(unhex(substring(\(md5), 1, 8)))))" }
}
