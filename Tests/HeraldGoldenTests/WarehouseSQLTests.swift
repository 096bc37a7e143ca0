import Foundation
import HeraldTestSupport
import Testing

/// The BigQuery and Snowflake SQL of every example campaign parses with sqlglot in that dialect
/// (the engines themselves cannot run here; the other five run in the engine tests).
@Suite struct WarehouseSQLTests {
    @Test(arguments: ["bigquery", "snowflake"])
    func exampleSQLParses(_ dialect: String) throws {
        let c = TestCompiler.compile("examples/shop")
        let bundle = try #require(c.bundle())
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var files: [String] = []
        for path in bundle.paths where path.hasSuffix("audience.\(dialect).sql") {
            let url = dir.appendingPathComponent(path.replacingOccurrences(of: "/", with: "_"))
            try Data(bundle.files[path]!).write(to: url)
            files.append(url.path)
        }
        #expect(files.count == c.checked?.campaigns.count)
        let r = try PythonProcess.run("parse_sql.py", [dialect] + files)
        #expect(r.status == 0, "\(r.output.prefix(2000))")
    }
}
