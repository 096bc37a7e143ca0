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

/// Quoting works on Unicode scalars: a quote that a combining mark follows is still escaped.
@Suite struct SQLQuotingTests {
    static let acute = "\u{301}"

    @Test func combiningMarksDoNotHideQuotes() {
        let a = SQLQuotingTests.acute
        let tricky = "a'" + a + "b\"" + a + "c`" + a
        let sqlite = SQLiteDialect().string(tricky)
        let expectedLiteral = "'a''" + a + "b\"" + a + "c`" + a + "'"
        #expect(sqlite == expectedLiteral)
        let postgres = PostgresDialect().quote(tricky)
        let expectedIdentifier = "\"a'" + a + "b\"\"" + a + "c`" + a + "\""
        #expect(postgres == expectedIdentifier)
        let spark = SparkDialect().quote("x`" + a)
        let expectedSpark = "`x``" + a + "`"
        #expect(spark == expectedSpark)
        let clickhouse = ClickHouseDialect().string("x'" + a)
        let expectedClickHouse = "'x\\'" + a + "'"
        #expect(clickhouse == expectedClickHouse)
    }
}
