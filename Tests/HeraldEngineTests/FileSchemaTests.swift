import Foundation
import HeraldSupport
import HeraldSyntax
import HeraldTestSupport
import Testing

/// `herald schema`: the JSON Schemas editors use accept every example file, reject broken ones,
/// know every key the readers accept (with a description), and match `docs/schema/`.
@Suite struct FileSchemaTests {
    static let files: [(kind: String, paths: [String])] = [
        ("project", ["examples/shop/herald.yaml"]), ("schema", ["examples/shop/schema.yaml", "examples/broken/schema.yaml"]),
        ("segment", folder("examples/shop/segments")), ("campaign", folder("examples/shop/campaigns")),
    ]

    static func folder(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: TestPaths.path(path).path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted().map { "\(path)/\($0)" }
    }

    func checkJSONSchema(_ kind: String, _ paths: [String]) throws -> PythonProcess.Result {
        try PythonProcess.run(module: "check_jsonschema", ["--schemafile", TestPaths.path("docs/schema/\(kind).schema.json").path] + paths.map { TestPaths.path($0).path })
    }

    @Test func everyExampleFileValidates() throws {
        for (kind, paths) in FileSchemaTests.files {
            #expect(!paths.isEmpty)
            let r = try checkJSONSchema(kind, paths)
            #expect(r.status == 0, "\(kind): \(r.output.prefix(2000))")
        }
    }

    @Test(arguments: ["unknown-key", "invalid-kind", "missing-kind", "audience-not-mapping"])
    func brokenCampaignsFail(_ name: String) throws {
        let r = try checkJSONSchema("campaign", ["examples/broken/campaigns/\(name).yaml"])
        #expect(r.status == 1, "\(name) passed the schema: \(r.output.prefix(500))")
    }

    @Test func theSchemasKnowEveryKeyTheReadersAccept() throws {
        func properties(_ v: JSONValue?) -> [String: JSONValue] { v?["properties"]?.objectValue ?? [:] }
        let campaign = try #require(FileSchemas.schema("campaign"))
        let checks: [(String, [String: JSONValue], [String])] = [
            ("campaign", properties(campaign), CampaignSyntax.keys),
            ("message", properties(properties(campaign)["message"]), MessageSyntax.keys),
            ("trigger", properties(properties(campaign)["trigger"]), TriggerSyntax.keys),
            ("project", properties(FileSchemas.schema("project")), ProjectSyntax.keys),
            ("limits", properties(properties(FileSchemas.schema("project"))["limits"]), ProjectSyntax.limitKeys),
            ("schema", properties(FileSchemas.schema("schema")), SchemaSyntax.keys),
            ("customer", properties(properties(FileSchemas.schema("schema"))["customer"]), CustomerSyntax.keys),
            ("events", properties(properties(FileSchemas.schema("schema"))["events"]), EventsSyntax.keys),
            ("segment", properties(FileSchemas.schema("segment")), SegmentSyntax.keys),
        ]
        for (name, props, keys) in checks {
            #expect(Set(props.keys) == Set(keys), "\(name): schema \(props.keys.sorted()) vs reader \(keys.sorted())")
            for (key, value) in props {
                let described = value["description"]?.stringValue.map { !$0.isEmpty } ?? false
                #expect(described, "\(name).\(key) has no description")
            }
        }
    }

    @Test func theDocumentedSchemasAreCurrent() throws {
        for kind in FileSchemas.kinds {
            let text = try #require(FileSchemas.schema(kind)).prettyText() + "\n"
            if let problem = Golden.check(text, against: TestPaths.path("docs/schema/\(kind).schema.json")) {
                Issue.record(Comment(rawValue: problem + "\n(run `herald schema -o docs/schema`)"))
            }
        }
    }
}
