internal import CSQLite
import HeraldSupport

/// An SQLite database, owned by this object and closed when it goes away.
///
/// Registers `md5(text)` (lower-case hex), which Herald's SQLite SQL uses for experiment arms, and
/// `herald_local_epoch(epoch, zone, fallback)` (`ZoneClock.localEpoch`) for quiet hours and schedules.
public final class SQLiteConnection: DatabaseConnection {
    private let db: OpaquePointer

    /// Opens (or creates) a database file; `:memory:` for a private in-memory database.
    public init(path: String, readOnly: Bool = false) throws(DatabaseError) {
        var handle: OpaquePointer?
        let flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        let rc = sqlite3_open_v2(path, &handle, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let handle { sqlite3_close(handle) }
            throw DatabaseError("SQLite cannot open `\(path)`: \(message)")
        }
        db = handle
        sqlite3_create_function_v2(db, "md5", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil, { context, argc, argv in
            guard argc == 1, let argv, let value = argv[0], sqlite3_value_type(value) != SQLITE_NULL else {
                sqlite3_result_null(context)
                return
            }
            let text = sqlite3_value_text(value).map { String(cString: $0) } ?? ""
            let hex = MD5.hex(text)
            sqlite3_result_text(context, hex, Int32(hex.utf8.count), herald_sqlite_transient())
        }, nil, nil, nil)
        sqlite3_create_function_v2(db, "herald_local_epoch", 3, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil, { context, argc, argv in
            guard argc == 3, let argv, let epoch = argv[0], sqlite3_value_type(epoch) != SQLITE_NULL else {
                sqlite3_result_null(context)
                return
            }
            func text(_ i: Int) -> String? {
                guard let v = argv[i], sqlite3_value_type(v) != SQLITE_NULL else { return nil }
                return sqlite3_value_text(v).map { String(cString: $0) }
            }
            sqlite3_result_int64(context, ZoneClock.localEpoch(sqlite3_value_int64(epoch), zone: text(1), fallback: text(2) ?? "UTC"))
        }, nil, nil, nil)
    }

    deinit { sqlite3_close_v2(db) }

    private var errorMessage: String { String(cString: sqlite3_errmsg(db)) }

    public func execute(_ sql: String) throws(DatabaseError) {
        var err: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(db, sql, nil, nil, &err) != SQLITE_OK {
            let message = err.map { String(cString: $0) } ?? errorMessage
            sqlite3_free(err)
            throw DatabaseError(message)
        }
    }

    public func query(_ sql: String, named: [String: DatabaseValue], positional: [DatabaseValue]) throws(DatabaseError) -> QueryResult {
        var stmt: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &stmt, nil) == SQLITE_OK, let stmt else { throw DatabaseError(errorMessage) }
        defer { sqlite3_finalize(stmt) }
        let count = sqlite3_bind_parameter_count(stmt)
        var next = 0
        if count > 0 {
            for i in 1...count {
                let value: DatabaseValue
                if let cname = sqlite3_bind_parameter_name(stmt, i) {
                    let name = String(String(cString: cname).dropFirst())
                    guard let v = named[name] else { throw DatabaseError("no value for the parameter `\(name)`") }
                    value = v
                } else {
                    guard next < positional.count else { throw DatabaseError("no value for parameter \(i)") }
                    value = positional[next]
                    next += 1
                }
                try bind(stmt, i, value)
            }
        }
        let columnCount = sqlite3_column_count(stmt)
        let columns = (0..<columnCount).map { String(cString: sqlite3_column_name(stmt, $0)) }
        var rows: [[DatabaseValue]] = []
        while true {
            let rc = sqlite3_step(stmt)
            if rc == SQLITE_DONE { break }
            guard rc == SQLITE_ROW else { throw DatabaseError(errorMessage) }
            var row: [DatabaseValue] = []
            row.reserveCapacity(Int(columnCount))
            for c in 0..<columnCount {
                switch sqlite3_column_type(stmt, c) {
                case SQLITE_INTEGER: row.append(.int(sqlite3_column_int64(stmt, c)))
                case SQLITE_FLOAT: row.append(.double(sqlite3_column_double(stmt, c)))
                case SQLITE_NULL: row.append(.null)
                default: row.append(.text(sqlite3_column_text(stmt, c).map { String(cString: $0) } ?? ""))
                }
            }
            rows.append(row)
        }
        return QueryResult(columns: columns, rows: rows)
    }

    private func bind(_ stmt: OpaquePointer, _ i: Int32, _ v: DatabaseValue) throws(DatabaseError) {
        let rc: Int32
        switch v {
        case .null: rc = sqlite3_bind_null(stmt, i)
        case .int(let x): rc = sqlite3_bind_int64(stmt, i, x)
        case .double(let x): rc = sqlite3_bind_double(stmt, i, x)
        case .text(let s): rc = sqlite3_bind_text(stmt, i, s, Int32(s.utf8.count), herald_sqlite_transient())
        }
        if rc != SQLITE_OK { throw DatabaseError(errorMessage) }
    }

    /// Inserts many rows with one prepared statement inside a transaction.
    public func insert(_ sql: String, rows: [[DatabaseValue]]) throws(DatabaseError) {
        try execute("BEGIN")
        var stmt: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &stmt, nil) == SQLITE_OK, let stmt else { throw DatabaseError(errorMessage) }
        defer { sqlite3_finalize(stmt) }
        for row in rows {
            for (i, v) in row.enumerated() { try bind(stmt, Int32(i + 1), v) }
            guard sqlite3_step(stmt) == SQLITE_DONE else { throw DatabaseError(errorMessage) }
            sqlite3_reset(stmt)
        }
        try execute("COMMIT")
    }
}
