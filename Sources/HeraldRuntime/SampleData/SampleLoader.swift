import HeraldDatabase
import HeraldSQL
import HeraldSchema
import HeraldSupport

/// Creates the schema's tables in a database and loads a dataset into them, for sample databases
/// and for tests on real engines. Indexed as a warehouse table would be clustered.
public struct SampleLoader {
    public let schema: Schema
    public let dialect: any SQLDialect

    public init(schema: Schema, dialect: any SQLDialect) {
        self.schema = schema
        self.dialect = dialect
    }

    private func q(_ s: String) -> String { dialect.quote(s) }

    /// `CREATE TABLE` statements for every table the schema names (dropping old ones first).
    public func ddl() -> [String] {
        let c = schema.customer
        var out: [String] = []
        var columns = ["\(q(c.key.column)) \(dialect.sqlType(c.key.type)) PRIMARY KEY"]
        for f in c.fields { columns.append("\(q(f.column)) \(dialect.sqlType(f.type))") }
        out.append("DROP TABLE IF EXISTS \(q(c.table))")
        out.append("CREATE TABLE \(q(c.table)) (\(columns.joined(separator: ", ")))")
        let keyType = dialect.sqlType(c.key.type)
        switch schema.events.layout {
        case .singleTable(let table, let customer, let name, let time, let properties):
            let json = dialect.name == "postgres" ? "jsonb" : dialect.sqlType(.string)
            out.append("DROP TABLE IF EXISTS \(q(table))")
            out.append("CREATE TABLE \(q(table)) (\(q(customer)) \(keyType), \(q(name)) \(dialect.sqlType(.string)), \(q(time)) \(dialect.sqlType(.timestamp)), \(q(properties)) \(json))")
            out.append("CREATE INDEX \(q(table + "_by_name_time")) ON \(q(table)) (\(q(name)), \(q(time)))")
            out.append("CREATE INDEX \(q(table + "_by_customer")) ON \(q(table)) (\(q(customer)))")
        case .perEventTable(let customer, let time):
            for t in schema.events.types {
                var cols = ["\(q(customer)) \(keyType)", "\(q(time)) \(dialect.sqlType(.timestamp))"]
                for p in t.properties { cols.append("\(q(p.column)) \(dialect.sqlType(p.type))") }
                out.append("DROP TABLE IF EXISTS \(q(t.table))")
                out.append("CREATE TABLE \(q(t.table)) (\(cols.joined(separator: ", ")))")
                out.append("CREATE INDEX \(q(t.table + "_by_time")) ON \(q(t.table)) (\(q(time)))")
            }
        }
        for r in schema.relations {
            var cols = ["\(q(r.customerColumn)) \(keyType)"]
            for f in r.fields { cols.append("\(q(f.column)) \(dialect.sqlType(f.type))") }
            out.append("DROP TABLE IF EXISTS \(q(r.table))")
            out.append("CREATE TABLE \(q(r.table)) (\(cols.joined(separator: ", ")))")
        }
        if let s = schema.suppression {
            var cols: [String] = []
            if let col = s.customerColumn { cols.append("\(q(col)) \(keyType)") }
            if let col = s.emailColumn { cols.append("\(q(col)) \(dialect.sqlType(.string))") }
            out.append("DROP TABLE IF EXISTS \(q(s.table))")
            out.append("CREATE TABLE \(q(s.table)) (\(cols.joined(separator: ", ")))")
        }
        if let s = schema.sends {
            out.append("DROP TABLE IF EXISTS \(q(s.table))")
            out.append("CREATE TABLE \(q(s.table)) (\(q(s.customerColumn)) \(keyType), \(q(s.campaignColumn)) \(dialect.sqlType(.string)), \(q(s.armColumn)) \(dialect.sqlType(.string)), \(q(s.sentAtColumn)) \(dialect.sqlType(.timestamp)))")
        }
        return out
    }

    /// Rows to insert, per table, as (table, columns, rows of literal SQL).
    public func rows(_ data: SampleDataset) -> [(table: String, columns: [String], rows: [[String]])] {
        let c = schema.customer
        var out: [(String, [String], [[String]])] = []
        let fields = [c.key] + c.fields
        out.append((c.table, fields.map(\.column), data.customers.map { row in
            fields.map { SQLLiteral.write(row[$0.name] ?? .null, type: $0.type, dialect: dialect) }
        }))
        switch schema.events.layout {
        case .singleTable(let table, let customer, let name, let time, let properties):
            out.append((table, [customer, name, time, properties], data.events.map { e in
                let type = schema.events.type(named: e.type)
                return [SQLLiteral.write(e.customer, dialect: dialect), dialect.string(type?.sourceName ?? e.type),
                        dialect.timestampLiteral(e.time), dialect.string(propertiesJSON(e, type))]
            }))
        case .perEventTable(let customer, let time):
            for t in schema.events.types {
                let evs = data.events.filter { $0.type == t.name }
                out.append((t.table, [customer, time] + t.properties.map(\.column), evs.map { e in
                    [SQLLiteral.write(e.customer, dialect: dialect), dialect.timestampLiteral(e.time)]
                        + t.properties.map { SQLLiteral.write(e.properties[$0.name] ?? .null, type: $0.type, dialect: dialect) }
                }))
            }
        }
        for r in schema.relations {
            out.append((r.table, [r.customerColumn] + r.fields.map(\.column), (data.relations[r.name] ?? []).map { row in
                [SQLLiteral.write(row["__customer"] ?? .null, dialect: dialect)]
                    + r.fields.map { SQLLiteral.write(row[$0.name] ?? .null, type: $0.type, dialect: dialect) }
            }))
        }
        if let s = schema.suppression, let col = s.customerColumn {
            out.append((s.table, [col], data.suppressed.map { [SQLLiteral.write($0, dialect: dialect)] }))
        }
        return out
    }

    /// A JSON object of an event's properties, keyed by their column names.
    func propertiesJSON(_ e: SampleDataset.Event, _ type: EventType?) -> String {
        var members: [String: JSONValue] = [:]
        for p in type?.properties ?? [] {
            switch e.properties[p.name] ?? .null {
            case .int(let i): members[p.column] = .int(i)
            case .decimal(let d): members[p.column] = .double(Double(d) ?? 0)
            case .bool(let b): members[p.column] = .bool(b)
            case .string(let s): members[p.column] = .string(s)
            case .timestamp(let t): members[p.column] = .string(CivilTime.iso8601(t))
            case .date(let d): members[p.column] = .string(CivilTime.isoDate(d))
            default: break
            }
        }
        return JSONValue.object(members).compactText()
    }

    /// Creates the tables and loads the data, in batches.
    public func load(_ data: SampleDataset, into db: DatabaseConnection) throws(DatabaseError) {
        for statement in ddl() { try db.execute(statement) }
        for (table, columns, rows) in rows(data) where !rows.isEmpty {
            let head = "INSERT INTO \(q(table)) (\(columns.map(q).joined(separator: ", "))) VALUES "
            var start = 0
            try db.execute("BEGIN")
            while start < rows.count {
                let batch = rows[start..<min(rows.count, start + 500)]
                try db.execute(head + batch.map { "(" + $0.joined(separator: ", ") + ")" }.joined(separator: ", "))
                start += 500
            }
            try db.execute("COMMIT")
        }
    }
}

import Foundation
