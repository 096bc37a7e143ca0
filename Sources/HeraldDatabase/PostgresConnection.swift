internal import CLibPQ

/// A PostgreSQL connection through libpq, owned by this object and closed when it goes away.
/// Values travel as text; results are converted by column type.
public final class PostgresConnection: DatabaseConnection {
    private let conn: OpaquePointer

    /// Connects with a libpq connection string or URL (`postgres://user@127.0.0.1:5432/db`).
    public init(url: String) throws(DatabaseError) {
        guard let c = PQconnectdb(url) else { throw DatabaseError("libpq could not allocate a connection") }
        guard PQstatus(c) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(c)).trimmingCharacters(in: .whitespacesAndNewlines)
            PQfinish(c)
            throw DatabaseError("PostgreSQL connection failed: \(message)")
        }
        conn = c
        // Notices (such as "table does not exist, skipping") are not errors; keep them off stderr.
        PQsetNoticeProcessor(conn, { _, _ in }, nil)
    }

    deinit { PQfinish(conn) }

    private var errorMessage: String { String(cString: PQerrorMessage(conn)).trimmingCharacters(in: .whitespacesAndNewlines) }

    public func execute(_ sql: String) throws(DatabaseError) {
        guard let r = PQexec(conn, sql) else { throw DatabaseError(errorMessage) }
        defer { PQclear(r) }
        let status = PQresultStatus(r)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            throw DatabaseError(String(cString: PQresultErrorMessage(r)).trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    public func query(_ sql: String, named: [String: DatabaseValue], positional: [DatabaseValue]) throws(DatabaseError) -> QueryResult {
        let texts: [String?] = positional.map { v in
            if case .null = v { return nil }
            return v.description
        }
        var cStrings: [UnsafeMutablePointer<CChar>?] = texts.map { $0.map { strdup($0) } ?? nil }
        defer { for p in cStrings { free(p) } }
        let result: OpaquePointer? = cStrings.withUnsafeMutableBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: max(1, buf.count)) { values in
                PQexecParams(conn, sql, Int32(texts.count), nil, texts.isEmpty ? nil : values, nil, nil, 0)
            }
        }
        guard let r = result else { throw DatabaseError(errorMessage) }
        defer { PQclear(r) }
        let status = PQresultStatus(r)
        guard status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK else {
            throw DatabaseError(String(cString: PQresultErrorMessage(r)).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let nColumns = PQnfields(r), nRows = PQntuples(r)
        let columns = (0..<nColumns).map { String(cString: PQfname(r, $0)) }
        let types = (0..<nColumns).map { PQftype(r, $0) }
        var rows: [[DatabaseValue]] = []
        rows.reserveCapacity(Int(nRows))
        for i in 0..<nRows {
            var row: [DatabaseValue] = []
            for c in 0..<nColumns {
                if PQgetisnull(r, i, c) == 1 { row.append(.null); continue }
                let text = String(cString: PQgetvalue(r, i, c))
                switch types[Int(c)] {
                case 16: row.append(.int(text == "t" ? 1 : 0))
                case 20, 21, 23: row.append(Int64(text).map { .int($0) } ?? .text(text))
                case 700, 701, 1700: row.append(Double(text).map { .double($0) } ?? .text(text))
                default: row.append(.text(text))
                }
            }
            rows.append(row)
        }
        return QueryResult(columns: columns, rows: rows)
    }
}

import Foundation
