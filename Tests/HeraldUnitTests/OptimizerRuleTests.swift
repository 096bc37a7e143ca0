import Foundation
import HeraldChecker
import HeraldPlan
import HeraldSchema
import HeraldSource
import HeraldSyntax
import HeraldTestSupport
import Testing

/// Each optimizer rule, alone, turns every input of its fixture (`Fixtures/plan/<rule>.txt`) into
/// the expected plan; the whole pipeline keeps the meaning (checked on data); normal forms respect
/// their size budget.
@Suite struct OptimizerRuleTests {
    static let schema: Schema = TestCompiler.compile("examples/shop").checked!.schema

    static func lower(_ text: String, _ features: FeatureTable) throws -> PlanExpr {
        let (e, d) = ExpressionParser.parse(LocatedText(verbatim: text, file: FileID(0), offset: 0))
        var checker = ExpressionChecker(schema: schema) { _, _ in nil }
        let t = checker.check(e, scope: .audience)
        let problems = d + checker.diagnostics.items.filter { $0.severity == .error }
        if !problems.isEmpty { throw Failure(message: "`\(text)`: \(problems.map(\.message))") }
        return Lowering(features: features).lower(t)
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// (input, expected) pairs of a fixture file.
    static func pairs(_ rule: String) throws -> [(String, String)] {
        let text = try String(contentsOf: TestPaths.path("Tests/HeraldUnitTests/Fixtures/plan/\(rule).txt"), encoding: .utf8)
        var out: [(String, String)] = []
        var input: String?
        for line in text.split(separator: "\n") {
            if line.hasPrefix("input: ") { input = String(line.dropFirst(7)) }
            if line.hasPrefix("expected: "), let i = input { out.append((i, String(line.dropFirst(10)))); input = nil }
        }
        return out
    }

    @Test(arguments: Optimizer.standardRules.map(\.name))
    func ruleMatchesItsFixture(_ name: String) throws {
        let rule = Optimizer.standardRules.first { $0.name == name }!
        let cases = try OptimizerRuleTests.pairs(name)
        #expect(cases.count >= 3, "\(name) needs at least three fixture cases")
        for (input, expected) in cases {
            let features = FeatureTable()
            let plan = try OptimizerRuleTests.lower(input, features)
            let optimized = Optimizer(rules: [rule]).optimize(plan, context: RuleContext(features: features))
            #expect(PlanPrinter(features: features).print(optimized) == expected, "\(name): \(input)")
        }
    }

    @Test func everyFixtureNamesARule() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: TestPaths.path("Tests/HeraldUnitTests/Fixtures/plan").path)
        #expect(Set(files.map { String($0.dropLast(4)) }) == Set(Optimizer.standardRules.map(\.name)))
    }

    @Test func normalFormsStopAtTheBudget() {
        // (a1 or b1) and (a2 or b2) and … has 2^n conjunctions in disjunctive normal form.
        let clauses = (0..<20).map { i in
            PlanExpr.or([.compare(.greater, .constant(.int(Int64(i))), .asOf), .compare(.less, .constant(.int(Int64(i))), .asOf)])
        }
        #expect(NormalForm.dnf(.and(clauses)) == nil)
        #expect(NormalForm.dnf(.and(Array(clauses.prefix(4))))?.count == 16)
    }
}
