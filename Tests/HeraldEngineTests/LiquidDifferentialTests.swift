import Foundation
import HeraldDriver
import HeraldEmail
import HeraldSupport
import HeraldTestSupport
import Testing

/// Herald's renderer and python-liquid (the reference implementation) render hundreds of generated
/// templates of the supported subset to the same text, for the same customer.
@Suite struct LiquidDifferentialTests {
    static let count = 600

    static let customer: [String: JSONValue] = [
        "customer_id": .int(42), "country": .string("NO"), "first_name": .string("ada lovelace"), "city": .null,
        "lifetime_value": .double(1249.99), "email_consent": .bool(true),
    ]
    static let recommendations: [[String: JSONValue]] = [
        ["name": .string("trail boot"), "price": .double(120.5)], ["name": .string("wool sock"), "price": .int(9)],
        ["name": .string("rain shell"), "price": .double(89.99)],
    ]

    static func campaign(_ name: String, _ template: String) -> String {
        let body = template.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
        return """
            campaign: \(name)
            kind: transactional
            audience:
              where: count(purchase_completed within 30d) >= 1
            message:
              subject: "Hi"
              preheader: "Hi"
              html: '<p>Hi</p>'
              text: |2-
            \(body)

            """
    }

    @Test func heraldRendersLikePythonLiquid() throws {
        var generator = LiquidGenerator(seed: 7)
        var templates: [String: String] = [:]
        var files: [String: String] = [:]
        for i in 0..<LiquidDifferentialTests.count {
            let t = generator.template()
            templates["t\(i)"] = t
            files["campaigns/t\(i).yaml"] = LiquidDifferentialTests.campaign("t\(i)", t)
        }
        let p = try ScratchProject(files: files)
        let c = p.compile()
        let errors = c.diagnostics.items.filter { $0.severity == .error }
        #expect(errors.isEmpty, "generated templates must be valid: \(errors.prefix(3).map { "\($0.code) \($0.message)" })")

        var input = RenderInput()
        for (k, v) in LiquidDifferentialTests.customer { input.fields[k] = RuntimeValue(json: v) }
        input.relations["recommendations"] = LiquidDifferentialTests.recommendations.map { $0.mapValues(RuntimeValue.init(json:)) }

        var customer = LiquidDifferentialTests.customer
        customer["recommendations"] = .array(LiquidDifferentialTests.recommendations.map { .object($0) })
        let job: JSONValue = ["data": ["customer": .object(customer)], "templates": .object(templates.mapValues { .string($0) })]
        let r = try PythonProcess.run("render_liquid.py", [], stdin: Data(job.compactText().utf8))
        #expect(r.status == 0, "\(r.output.prefix(2000))")
        let reference = try JSONParser.parse(Array(r.output.utf8))

        var compared = 0, mismatches: [String] = []
        for name in templates.keys.sorted(by: { $0.count != $1.count ? $0.count < $1.count : $0 < $1 }) {
            guard let message = c.messages[name], let text = message.text else { continue }
            guard let expected = reference[name]?.stringValue else {
                mismatches.append("\(name): python-liquid failed: \(reference[name]?["error"]?.stringValue ?? "?")\n  \(templates[name]!.debugDescription)")
                continue
            }
            let actual = Renderer.render(text, input: input)
            compared += 1
            if actual != expected {
                mismatches.append("\(name):\n  template: \(templates[name]!.debugDescription)\n  herald:   \(actual.debugDescription)\n  python:   \(expected.debugDescription)")
            }
        }
        #expect(compared >= LiquidDifferentialTests.count * 9 / 10, "only \(compared) templates compared")
        #expect(mismatches.isEmpty, Comment(rawValue: "\(mismatches.count) of \(compared) differ:\n" + mismatches.prefix(8).joined(separator: "\n")))
    }
}
