import HeraldSQL
import Testing

/// Whether a query binds `as_of` is decided outside literals, identifiers and comments.
@Suite struct ParameterUseTests {
    @Test func placeholdersInsideLiteralsAreNotParameters() {
        let pg = PostgresDialect(), sqlite = SQLiteDialect(), bigquery = BigQueryDialect(), clickhouse = ClickHouseDialect()
        #expect(pg.usesParameter("SELECT 1 WHERE t <= CAST($1 AS timestamptz)"))
        #expect(!pg.usesParameter("SELECT 1 WHERE x = '$1'"))
        #expect(!pg.usesParameter("SELECT 1 WHERE x = 'it''s $1'"))
        #expect(!pg.usesParameter("SELECT \"$1\" FROM t -- $1\n/* $1 */"))
        #expect(!pg.usesParameter("SELECT $10"))
        #expect(sqlite.usesParameter("SELECT datetime(:as_of)"))
        #expect(!sqlite.usesParameter("SELECT ':as_of', :as_offset"))
        #expect(bigquery.usesParameter("SELECT 'a\\'b' , @as_of"))
        #expect(!bigquery.usesParameter("SELECT 'a\\' @as_of'"))
        #expect(clickhouse.usesParameter("SELECT {as_of:DateTime64(3, 'UTC')}"))
        #expect(!clickhouse.usesParameter("SELECT '{as_of:DateTime64(3, \\'UTC\\')}'"))
    }
}
