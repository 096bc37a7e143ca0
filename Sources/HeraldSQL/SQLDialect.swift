import HeraldChecker
import HeraldSchema

/// What differs between SQL engines, as data plus small overrides: quoting, literals, parameters,
/// date arithmetic, JSON property access, hashing and a few functions.
///
/// The generator is written once against this protocol; the defaults are standard SQL and each
/// dialect overrides only what its engine does differently.
public protocol SQLDialect: Sendable {
    /// The name used in `herald.yaml` targets and in bundle file names (`audience.<name>.sql`).
    var name: String { get }

    /// How identifiers are quoted; `quote` and `SQLBuffer.name` both follow it.
    var identifierQuoting: IdentifierQuoting { get }
    /// A string literal; every character of `s` survives, none can end the literal early.
    func string(_ s: String) -> String
    func boolean(_ b: Bool) -> String
    /// A decimal literal as written (digits, optional sign and point).
    func decimal(_ text: String) -> String

    /// How the send system passes `as_of`: the placeholder and its binding convention.
    var parameter: ParameterStyle { get }
    /// Whether a backslash escapes the next character inside string literals (BigQuery,
    /// ClickHouse, Snowflake, Spark) rather than standing for itself.
    var backslashEscapes: Bool { get }
    /// `as_of` as a timestamp expression (the parameter, cast or normalized as the engine needs).
    var asOf: String { get }
    /// A timestamp expression `seconds` seconds before/after another.
    func timestamp(_ expression: String, plusSeconds seconds: Int64) -> String
    func timestampLiteral(_ secondsSinceEpoch: Int64) -> String
    func dateLiteral(_ daysSinceEpoch: Int64) -> String
    /// Whole days from a timestamp (or date) to `as_of`, rounded down.
    func daysSince(_ expression: String, isDate: Bool) -> String
    /// Whole seconds since the epoch of a timestamp, as an integer.
    func epochSeconds(_ timestamp: String) -> String
    /// The wall-clock time of an instant in a time zone, as seconds since the local epoch (the
    /// instant's epoch seconds plus the zone's UTC offset then). Nil when the engine cannot take
    /// the zone from a column.
    func localEpochSeconds(_ timestamp: String, zone: SQLZone) -> String?

    /// A column in a row filter that the engine should not serve from an index (the filter still
    /// applies). Only engines whose planner would otherwise pick a worse index override it.
    func withoutIndex(_ column: String) -> String
    /// Whether the engine is better served by fewer scans: a property scan whose rows another scan
    /// already reads becomes conditional aggregates of that scan (one pass and one join fewer)
    /// rather than a scan of its event type's own rows. Set where measured (docs/BENCHMARKS.md).
    var prefersFewerScans: Bool { get }
    /// Whether a query whose rows are one per customer computes ranks as window functions over
    /// those rows, rather than in a CTE over the customers joined back by key. Set where measured.
    var ranksInline: Bool { get }

    /// A property of a JSON object column as a value of `type`.
    func jsonProperty(_ column: String, key: String, type: ValueType) -> String
    /// A column value used as a condition (engines without a boolean type store 0/1).
    func truthy(_ expression: String) -> String

    func cast(_ expression: String, to type: ValueType) -> String
    /// `a / b` as a decimal, null when `b` is zero.
    func divide(_ a: String, _ b: String) -> String
    /// Integer division rounding toward zero, for non-negative operands.
    func integerDivide(_ a: String, _ b: String) -> String
    func remainder(_ a: String, _ b: String) -> String
    /// `a mod b` for a non-zero constant `b`.
    func modulo(_ a: String, _ b: Int) -> String
    func contains(_ haystack: String, _ needle: String) -> String
    func startsWith(_ text: String, _ prefix: String) -> String
    /// Whether a list column contains a value.
    func listContains(_ list: String, _ element: String) -> String
    func listLength(_ list: String) -> String
    func lower(_ s: String) -> String
    func upper(_ s: String) -> String
    func length(_ s: String) -> String

    /// The value at the earliest (or latest) time among rows where `condition` holds; ties broken
    /// by the smallest (or largest) value, so every engine picks the same one.
    func valueAtExtremeTime(_ value: String, time: String, condition: String, latest: Bool, type: ValueType) -> String

    /// `md5(text)` as 32 lower-case hexadecimal digits.
    func md5Hex(_ text: String) -> String
    /// The first 8 hex digits of an md5 as an unsigned 32-bit integer.
    func hexPrefixToInt(_ md5: String) -> String
    func toText(_ expression: String) -> String
    func concat(_ parts: [String]) -> String
    /// A `CASE` result that is a string literal or NULL (some engines need a typed NULL).
    var nullText: String { get }
    /// An integer-valued aggregate as a signed 64-bit value (ClickHouse counts are unsigned).
    func signedInteger(_ expression: String) -> String
    /// Appended to every query (ClickHouse needs `SETTINGS join_use_nulls = 1` for SQL's outer-join NULLs).
    var querySuffix: String { get }
    /// The type of a column holding a language type (for tables the sample data creates).
    func sqlType(_ type: ValueType) -> String
    /// The type of a column holding event properties as a JSON object.
    var jsonColumnType: String { get }
    /// `CREATE TABLE` for a table of the sample data.
    func createTable(_ name: String, columns: [(name: String, type: String, nullable: Bool)], key: String?) -> String
}

/// A time zone in a query: a literal IANA name, or a column holding one with the zone used when
/// the column is null.
public enum SQLZone: Sendable, Hashable {
    case named(String)
    case column(String, fallback: String)

    public var isUTC: Bool { self == .named("UTC") || self == .named("Etc/UTC") }
}

/// How `as_of` is passed to a query.
public struct ParameterStyle: Sendable, Hashable {
    /// The placeholder text as it appears in the SQL (`:as_of`, `$1`, `@as_of`, `{as_of:DateTime64(3, 'UTC')}`).
    public var placeholder: String
    /// `named` (bound by name, may appear many times), `positional` (bound once as parameter 1).
    public var binding: String
    /// The text form to bind: `iso8601` (`2026-11-25T09:30:00Z`) or `sql` (`2026-11-25 09:30:00`).
    public var format: String

    public init(placeholder: String, binding: String, format: String) {
        self.placeholder = placeholder
        self.binding = binding
        self.format = format
    }
}

let asciiUpper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
let asciiLower = "abcdefghijklmnopqrstuvwxyz"

extension SQLDialect {
    public var identifierQuoting: IdentifierQuoting { .doubleQuotes }

    /// A quoted identifier; embedded quote characters are escaped.
    public func quote(_ identifier: String) -> String { identifierQuoting.quoted(identifier) }

    public func string(_ s: String) -> String {
        s.enclosed(in: "'", escaping: ["'": "''"])
    }

    public func boolean(_ b: Bool) -> String { b ? "TRUE" : "FALSE" }
    public var backslashEscapes: Bool { false }
    public func decimal(_ text: String) -> String { text }
    public func truthy(_ expression: String) -> String { expression }
    public func withoutIndex(_ column: String) -> String { column }
    public var prefersFewerScans: Bool { false }
    public var ranksInline: Bool { false }
    public func cast(_ expression: String, to type: ValueType) -> String { "CAST(\(expression) AS \(sqlType(type)))" }
    public func divide(_ a: String, _ b: String) -> String { "(CAST(\(a) AS \(sqlType(.decimal))) / NULLIF(\(b), 0))" }
    public func integerDivide(_ a: String, _ b: String) -> String { "(\(a) / \(b))" }
    public func remainder(_ a: String, _ b: String) -> String { "(\(a) % NULLIF(\(b), 0))" }
    public func modulo(_ a: String, _ b: Int) -> String { "((\(a)) % \(b))" }
    public func contains(_ haystack: String, _ needle: String) -> String { "(POSITION(\(needle) IN \(haystack)) > 0)" }
    public func startsWith(_ text: String, _ prefix: String) -> String { "(SUBSTRING(\(text), 1, LENGTH(\(prefix))) = \(prefix))" }
    /// Case folding of ASCII letters only, so every engine folds the same characters whatever its collation.
    public func lower(_ s: String) -> String { "TRANSLATE(\(s), '\(asciiUpper)', '\(asciiLower)')" }
    public func upper(_ s: String) -> String { "TRANSLATE(\(s), '\(asciiLower)', '\(asciiUpper)')" }
    public func length(_ s: String) -> String { "LENGTH(\(s))" }
    public func toText(_ expression: String) -> String { "CAST(\(expression) AS VARCHAR)" }
    public func concat(_ parts: [String]) -> String { "(" + parts.joined(separator: " || ") + ")" }
    public func md5Hex(_ text: String) -> String { "MD5(\(text))" }
    public var nullText: String { "NULL" }
    public var jsonColumnType: String { sqlType(.string) }

    public func createTable(_ name: String, columns: [(name: String, type: String, nullable: Bool)], key: String?) -> String {
        let cols = columns.map { "\(quote($0.name)) \($0.type)" + ($0.name == key ? " PRIMARY KEY" : "") }
        return "CREATE TABLE \(quote(name)) (\(cols.joined(separator: ", ")))"
    }

    public var querySuffix: String { "" }
    public func signedInteger(_ expression: String) -> String { expression }

    /// The engine's type for a language type.
    public func sqlType(_ type: ValueType) -> String {
        switch type {
        case .int: return "BIGINT"
        case .decimal: return "DOUBLE PRECISION"
        case .bool: return "BOOLEAN"
        case .timestamp: return "TIMESTAMP"
        case .date: return "DATE"
        default: return "VARCHAR"
        }
    }
}
