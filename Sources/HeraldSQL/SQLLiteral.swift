import HeraldSchema

/// Literals of the language as SQL of a dialect (for generated queries and for loading data).
public enum SQLLiteral {
    public static func write(_ v: Value, type: ValueType? = nil, dialect: any SQLDialect) -> String {
        switch v {
        case .null: return "NULL"
        case .bool(let b): return dialect.boolean(b)
        case .int(let i): return String(i)
        case .decimal(let d): return dialect.decimal(d)
        case .string(let s):
            if case .list(let element)? = type { return dialect.listLiteral(jsonArrayText: s, element: element) }
            return dialect.string(s)
        case .timestamp(let t): return dialect.timestampLiteral(t)
        case .date(let d): return dialect.dateLiteral(d)
        case .duration(let s): return String(s)
        }
    }
}

extension SQLDialect {
    /// A list value given as JSON array text (`["a","b"]`); engines without arrays store the text.
    public func listLiteral(jsonArrayText: String, element: ValueType) -> String { string(jsonArrayText) }
}
