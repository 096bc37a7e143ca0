import Foundation
import HeraldTestSupport
import Testing

/// The BigQuery and Snowflake SQL of every example campaign parses with sqlglot in that dialect
/// (the engines themselves cannot run here; the other five run in the engine tests): audience,
/// eligibility and results queries of the shop, and of the trigger fixture, whose quiet hours and
/// schedules read each customer's time zone.
@Suite struct WarehouseSQLTests {
    @Test(arguments: ["bigquery", "snowflake"])
    func exampleSQLParses(_ dialect: String) throws {
        let dir = TestPaths.temporaryDirectory()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var files: [String] = []
        for project in ["examples/shop", "Tests/HeraldEngineTests/Fixtures/triggers"] {
            let c = TestCompiler.compile(project)
            let bundle = try #require(c.bundle())
            var counts: [String: Int] = [:]
            for kind in ["audience", "eligibility", "results"] {
                for path in bundle.paths where path.hasSuffix("/\(kind).\(dialect).sql") {
                    let url = dir.appendingPathComponent(project.replacingOccurrences(of: "/", with: "_") + "_" + path.replacingOccurrences(of: "/", with: "_"))
                    try Data(bundle.files[path]!).write(to: url)
                    files.append(url.path)
                    counts[kind, default: 0] += 1
                }
            }
            let campaigns = c.checked?.campaigns ?? []
            #expect(counts["audience"] == campaigns.count)
            #expect(counts["eligibility"] == campaigns.filter { $0.trigger != nil }.count)
            #expect(counts["results"] == campaigns.filter { $0.experiment?.goal != nil }.count)
        }
        let r = try PythonProcess.run("parse_sql.py", [dialect] + files)
        #expect(r.status == 0, "\(r.output.prefix(2000))")
    }
}
