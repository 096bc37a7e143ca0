import Foundation
import HeraldDatabase
import HeraldDriver
import HeraldEmail
import HeraldRuntime
import HeraldSQL
import HeraldSchema
import HeraldSupport
import HeraldTestSupport
import Testing

/// The bundle is a contract: byte-identical across machines and folders, and readable by an
/// independent reader (`Tests/python/bundle_reader.py`, written from the format documents) that
/// renders exactly what `herald preview` renders and runs the audience SQL.
@Suite struct BundleContractTests {
    static let shop = TestPaths.path("examples/shop").path

    func folder() -> URL {
        let dir = TestPaths.temporaryDirectory()
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    func files(_ root: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(atPath: root.path)
        while let relative = e?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root.appendingPathComponent(relative).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { out[relative] = FileManager.default.contents(atPath: root.appendingPathComponent(relative).path) }
        }
        return out
    }

    @Test func buildsInDifferentPlacesAreByteIdentical() throws {
        let a = folder(), b = folder(), elsewhere = folder()
        defer { for d in [a, b, elsewhere] { try? FileManager.default.removeItem(at: d) } }
        // A copy of the project in another folder, built from another working directory and environment.
        let copy = elsewhere.appendingPathComponent("shop-copy")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: BundleContractTests.shop), to: copy)
        let first = try HeraldProcess.run(["build", BundleContractTests.shop, "-o", a.path], in: TestPaths.packageRoot)
        let second = try HeraldProcess.run(["build", "shop-copy", "-o", b.path], in: elsewhere,
                                           environment: ["TZ": "Pacific/Chatham", "LANG": "de_DE.UTF-8", "LC_ALL": "tr_TR.UTF-8", "HOME": elsewhere.path, "PATH": "/usr/bin:/bin"])
        #expect(first.status == 0 && second.status == 0, "\(first.stderr) \(second.stderr)")
        let x = files(a), y = files(b)
        #expect(!x.isEmpty)
        #expect(x.keys.sorted() == y.keys.sorted())
        for (path, data) in x where y[path] != data { Issue.record("\(path) differs between the two builds") }
        for (path, data) in x {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains(TestPaths.packageRoot.path) && !text.contains(elsewhere.path), "\(path) contains a machine path")
        }
    }

    /// `herald build` streams campaign folders to disk as they are made and hashes each file as
    /// it passes; the files and the manifest's hash equal the bundle made in memory, and building
    /// again over the bundle leaves it the same.
    @Test func streamedBundleEqualsTheBundleInMemory() throws {
        let c = TestCompiler.compile("examples/shop")
        let writer = try #require(c.bundleWriter)
        let memory = writer.bundle()
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for pass in ["first build", "rebuild over it"] {
            try writer.write(to: dir)
            let written = files(dir)
            #expect(written.keys.sorted() == memory.paths, "\(pass)")
            for path in memory.paths where written[path] != Data(memory.files[path]!) { Issue.record("\(path) differs after the \(pass)") }
        }
        // The hash as `sha256sum` recomputes it: one line per file, digest, two spaces, path.
        let manifest = try JSONParser.parse(memory.files["manifest.json"]!)
        let listing = memory.paths.filter { $0 != "manifest.json" }.map { SHA256.hex(memory.files[$0]!) + "  " + $0 + "\n" }.joined()
        #expect(manifest["hash"]?.stringValue == SHA256.hex(listing))
    }

    /// A JSON profile with every field and relation row of the sample recipient.
    static func profile(_ input: RenderInput) -> JSONValue {
        ["customer": .object(input.fields.mapValues(\.json)),
         "relations": .object(input.relations.mapValues { .array($0.map { .object($0.mapValues(\.json)) }) })]
    }

    @Test func theIndependentReaderRendersWhatPreviewRenders() throws {
        let c = TestCompiler.compile("examples/shop")
        let schema = try #require(c.checked?.schema)
        let bundleDir = folder()
        defer { try? FileManager.default.removeItem(at: bundleDir) }
        try #require(c.bundleWriter).write(to: bundleDir)
        var renders: [JSONValue] = []
        var expected: [RenderedMessage] = []
        for name in c.messages.keys.sorted() {
            let message = c.messages[name]!
            let profileJSON = BundleContractTests.profile(PreviewProfile.sample(schema: schema, message: message).input)
            let recipient = try PreviewProfile.read(json: profileJSON, schema: schema, message: message).get()
            for version in message.versions {
                expected.append(message.render(recipient.input, variant: version.variant, choices: version.choices))
                renders.append(["campaign": .string(name), "arm": .optional(version.variant), "profile": profileJSON,
                                "blocks": .object(version.choices.mapValues { .int(Int64($0)) })])
            }
        }
        let job: JSONValue = ["bundle": .string(bundleDir.path), "renders": .array(renders)]
        let r = try PythonProcess.run("bundle_reader.py", ["render"], stdin: Data(job.compactText().utf8))
        #expect(r.status == 0, "\(r.output.prefix(3000))")
        let results = try #require(try JSONParser.parse(Array(r.output.utf8)).arrayValue)
        #expect(results.count == expected.count && expected.count >= 11)
        for (i, (got, want)) in zip(results, expected).enumerated() {
            let label = "\(renders[i]["campaign"]?.stringValue ?? "?") \(renders[i]["arm"]?.stringValue ?? "")"
            #expect(got["subject"]?.stringValue == want.subject, "subject of \(label)")
            #expect(got["preheader"]?.stringValue == want.preheader, "preheader of \(label)")
            #expect(got["from"]?.stringValue == want.from, "from of \(label)")
            #expect(got["html"]?.stringValue == want.html, "html of \(label)")
            #expect(got["amp"]?.stringValue == want.amp, "amp of \(label)")
            if got["text"]?.stringValue != want.text {
                let diff = Golden.diff(want.text, got["text"]?.stringValue ?? "")
                Issue.record(Comment(rawValue: "text of \(label) differs:\n\(diff)"))
            }
        }
    }

    @Test func theIndependentReaderRunsTheAudienceQuery() throws {
        let c = TestCompiler.compile("examples/shop")
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try #require(c.bundleWriter).write(to: dir.appendingPathComponent("bundle"))
        let database = dir.appendingPathComponent("shop.sqlite").path
        let made = try HeraldProcess.run(["sample-data", BundleContractTests.shop, "--db", "sqlite:" + database, "--customers", "600",
                                          "--as-of", "2026-11-25T12:00:00Z"], timeout: 120)
        #expect(made.status == 0, "\(made.stderr)")
        let asOf = try #require(CivilTime.parseInstant("2026-11-25T12:00:00Z"))
        let db = try SQLiteConnection(path: database, readOnly: true)
        for campaign in ["cart-abandonment", "welcome-series", "vip-top-spenders"] {
            let r = try PythonProcess.run("bundle_reader.py", ["audience", dir.appendingPathComponent("bundle").path, campaign, database, "2026-11-25T12:00:00Z"])
            #expect(r.status == 0, "\(r.output.prefix(2000))")
            let rows = try #require(try JSONParser.parse(Array(r.output.utf8))["rows"]?.arrayValue)
            let plan = try #require(c.plan?.campaign(named: campaign))
            let swift = try AudienceRunner.run(AudienceQuery(dialect: SQLiteDialect(), plan: c.plan!).sql(plan), dialect: SQLiteDialect(), on: db, asOf: asOf)
            #expect(rows.count == swift.rows.count, "\(campaign): \(rows.count) rows from the reader, \(swift.rows.count) from Herald")
            #expect(rows.map { $0.arrayValue?.first?.intValue } == swift.rows.map { if case .int(let k) = $0.first { return k } else { return nil } })
        }
    }

    @Test func everyJSONFileFollowsTheSchema() throws {
        let c = TestCompiler.compile("examples/shop")
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try #require(c.bundleWriter).write(to: dir)
        let schema = TestPaths.path("docs/schema/bundle.schema.json").path
        let ok = try PythonProcess.run("validate_bundle.py", [schema, dir.path])
        #expect(ok.status == 0, "\(ok.output.prefix(2000))")
        // The schema can fail: an unknown escape mode is rejected.
        let message = dir.appendingPathComponent("welcome-series/message.json")
        let text = try String(contentsOf: message, encoding: .utf8).replacingOccurrences(of: "\"escape\": \"html\"", with: "\"escape\": \"raw\"")
        try Data(text.utf8).write(to: message)
        let bad = try PythonProcess.run("validate_bundle.py", [schema, dir.path])
        #expect(bad.status == 1 && bad.output.contains("welcome-series/message.json"), "\(bad.output.prefix(2000))")
    }
}
