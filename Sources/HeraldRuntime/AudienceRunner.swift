import HeraldDatabase
import HeraldSQL
import HeraldSchema

/// Runs generated queries on a database, binding `as_of` the way the dialect's parameter style says.
public enum AudienceRunner {
    /// The bindings for `as_of` in a dialect's convention.
    public static func bindings(asOf: Int64, dialect: any SQLDialect) -> (named: [String: DatabaseValue], positional: [DatabaseValue]) {
        let text = dialect.parameter.format == "sql" ? CivilTime.sqlText(asOf) : CivilTime.iso8601(asOf)
        if dialect.parameter.binding == "named" { return (["as_of": .text(text)], []) }
        return ([:], [.text(text)])
    }

    public static func run(_ sql: String, dialect: any SQLDialect, on db: DatabaseConnection, asOf: Int64) throws(DatabaseError) -> QueryResult {
        // A query that never reads `as_of` takes no parameter (PostgreSQL refuses an unused one).
        guard dialect.usesParameter(sql) else { return try db.query(sql) }
        let b = bindings(asOf: asOf, dialect: dialect)
        return try db.query(sql, named: b.named, positional: b.positional)
    }
}
