/// A value read from or bound to a database.
public enum DatabaseValue: Hashable, Sendable, CustomStringConvertible {
    case null
    case int(Int64)
    case double(Double)
    case text(String)

    public var description: String {
        switch self {
        case .null: return "NULL"
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .text(let s): return s
        }
    }

    public var intValue: Int64? {
        switch self {
        case .int(let i): return i
        case .double(let d): return Int64(exactly: d)
        case .text(let s): return Int64(s)
        case .null: return nil
        }
    }
}

/// The rows a query returned, with column names in order.
public struct QueryResult: Sendable {
    public var columns: [String]
    public var rows: [[DatabaseValue]]

    public init(columns: [String], rows: [[DatabaseValue]]) {
        self.columns = columns
        self.rows = rows
    }

    /// Rows as dictionaries by column name.
    public var records: [[String: DatabaseValue]] {
        rows.map { row in Dictionary(uniqueKeysWithValues: zip(columns, row).map { ($0, $1) }) }
    }
}

/// A database error with the engine's message.
public struct DatabaseError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// A connection Herald can run generated SQL on.
public protocol DatabaseConnection: AnyObject {
    /// Runs statements that return nothing (several may be separated by `;`).
    func execute(_ sql: String) throws(DatabaseError)
    /// Runs one query. `named` binds `:name` parameters, `positional` binds `?`/`$n` ones in order.
    func query(_ sql: String, named: [String: DatabaseValue], positional: [DatabaseValue]) throws(DatabaseError) -> QueryResult
}

extension DatabaseConnection {
    public func query(_ sql: String) throws(DatabaseError) -> QueryResult { try query(sql, named: [:], positional: []) }
}
