import HeraldDatabase
import HeraldSQL
import HeraldSchema

/// Creates the schema's tables in a database and loads a dataset into them, for sample databases
/// and for tests on real engines. Indexed as a warehouse table would be clustered.
public struct SampleLoader {
    public let schema: Schema
    public let dialect: any SQLDialect

    public init(schema: Schema, dialect: any SQLDialect) {
        self.schema = schema
        self.dialect = dialect
    }

    /// `DROP`/`CREATE TABLE`/`CREATE INDEX` statements for a table.
    public func ddl(_ t: SampleTable) -> [String] {
        let columns = t.columns.map { c in (name: c.name, type: c.isJSON ? dialect.jsonColumnType : dialect.sqlType(c.type), nullable: c.nullable) }
        var out = ["DROP TABLE IF EXISTS \(dialect.quote(t.name))", dialect.createTable(t.name, columns: columns, key: t.key)]
        for (i, index) in t.indexes.enumerated() {
            out.append("CREATE INDEX \(dialect.quote("\(t.name)_\(i)")) ON \(dialect.quote(t.name)) (\(index.map(dialect.quote).joined(separator: ", ")))")
        }
        return out
    }

    /// Creates the tables and loads the data, in batches.
    public func load(_ data: SampleDataset, into db: DatabaseConnection) throws(DatabaseError) {
        for t in SampleTable.tables(schema, data) {
            for statement in ddl(t) { try db.execute(statement) }
            guard !t.rows.isEmpty else { continue }
            let head = "INSERT INTO \(dialect.quote(t.name)) (\(t.columns.map { dialect.quote($0.name) }.joined(separator: ", "))) VALUES "
            try db.execute("BEGIN")
            var start = 0
            while start < t.rows.count {
                let batch = t.rows[start..<min(t.rows.count, start + 500)].map { row in
                    "(" + zip(row, t.columns).map { SQLLiteral.write($0, type: $1.isJSON ? nil : $1.type, dialect: dialect) }.joined(separator: ", ") + ")"
                }
                try db.execute(head + batch.joined(separator: ", "))
                start += 500
            }
            try db.execute("COMMIT")
        }
    }
}
