import Foundation
import HeraldDiagnostics
import HeraldSource
import HeraldSyntax
import HeraldTestSupport
import Testing

/// `grammar/expression.ebnf` is normative: every production has at least one expression the parser
/// accepts because of it and one it rejects, and the table below names every production in the file.
@Suite struct GrammarTests {
    /// production → (accepted, rejected)
    static let cases: [String: (accepted: [String], rejected: [String])] = [
        "expression": (["segment.loyal"], [""]),
        "or_expr": (["segment.a or segment.b or segment.c"], ["segment.a or", "or segment.b"]),
        "and_expr": (["segment.a and segment.b"], ["segment.a and"]),
        "not_expr": (["not segment.a", "not not segment.a"], ["segment.a not"]),
        "comparison": (["customer.age >= 18"], ["customer.age >= 18 > 3", "1 < 2 < 3"]),
        "comparison_tail": (["customer.country in [\"US\"]", "customer.country not in [\"US\"]", "customer.city is null",
                             "customer.city is not null", "customer.tags contains \"vip\"", "customer.city starts_with \"San\""],
                            ["customer.country in \"US\"", "customer.city is nothing", "customer.city is not"]),
        "compare_op": (["customer.a == 1", "customer.a != 1", "customer.a < 1", "customer.a <= 1", "customer.a > 1", "customer.a >= 1"],
                       ["customer.a = 1", "customer.a => 1", "customer.a <> 1"]),
        "coalesce": (["customer.city ?? \"none\"", "customer.a ?? customer.b ?? 0"], ["customer.city ??", "?? 1"]),
        "additive": (["customer.a + 1 - 2"], ["customer.a +", "customer.a + - "]),
        "multiplicative": (["customer.a * 2 / 3 % 4"], ["customer.a * / 3", "customer.a %"]),
        "unary": (["-customer.a", "- - customer.a"], ["-"]),
        "primary": (["(segment.a)", "1", "as_of", "[1]"], ["()", "(segment.a"]),
        "literal": (["true", "false", "null", "1", "1.5", "48h", "\"s\""], ["1.2.3", "'unclosed"]),
        "list": (["customer.a in []", "customer.a in [1, 2,]", "customer.a in [1, 2]"], ["customer.a in [1 2]", "customer.a in [1,"]),
        "path": (["customer.first_name", "as_of", "segment.loyal"], ["customer.", "customer..x"]),
        "aggregate": (["count(cart_added)", "exists(cart_added within 48h)",
                       "count(product_viewed where event.category == \"boots\" within 30d)"],
                      ["count()", "count(cart_added within)", "count(cart_added within 48h where event.x == 1)", "count(cart_added"]),
        "aggregate_name": (["count(a)", "exists(a)", "sum(a.b)", "avg(a.b)", "min(a.b)", "max(a.b)", "first(a)", "last(a.b)"],
                           ["count(1)", "exists(\"a\")"]),
        "event_ref": (["count(any)", "sum(purchase_completed.total)"], ["sum(purchase_completed.)", "count(any.)"]),
        "call": (["days_since(customer.signup_at)", "f()", "f(1, 2)"], ["days_since(customer.signup_at", "f(1 2)"]),
        "function_name": (["lower(customer.city)"], ["1(customer.city)"]),
        "identifier": (["customer.first_name", "customer._x", "customer.a1"], ["customer.9lives", "customer.$x"]),
        "integer": (["customer.a > 12"], ["customer.a > 12abc", "customer.a > 99999999999999999999"]),
        "decimal": (["customer.a > 1.5"], ["customer.a > 1.", "customer.a > 1.5x"]),
        "duration": (["exists(a within 30m)", "exists(a within 48h)", "exists(a within 7d)", "exists(a within 2w)"],
                     ["exists(a within 30x)", "exists(a within 99999999999w)"]),
        "string": (["customer.a == \"double\"", "customer.a == 'single'"], ["customer.a == \"open", "customer.a == 'open"]),
        "escape": (["customer.a == \"a\\\"b\"", "customer.a == 'it\\'s'", "customer.a == \"tab\\t\""], ["customer.a == \"a\\qb\""]),
        "letter": (["customer.abc"], ["customer.é", "customer.ａ"]),
        "digit": (["customer.a9 > 0"], ["customer.a > ٣"]),
    ]

    func parse(_ text: String) -> [Diagnostic] {
        ExpressionParser.parse(LocatedText(verbatim: text, file: FileID(0), offset: 0)).1
    }

    @Test func everyProductionOfTheGrammarHasCases() throws {
        let grammar = try String(contentsOf: TestPaths.path("grammar/expression.ebnf"), encoding: .utf8)
        var productions: [String] = []
        for line in grammar.split(separator: "\n") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            if parts.count >= 2, parts[1] == "=", parts[0].allSatisfy({ $0.isLetter || $0 == "_" }) { productions.append(String(parts[0])) }
        }
        #expect(productions.count >= 25)
        #expect(Set(productions) == Set(GrammarTests.cases.keys), "productions without cases: \(Set(productions).subtracting(GrammarTests.cases.keys).sorted()); cases without productions: \(Set(GrammarTests.cases.keys).subtracting(productions).sorted())")
        for (name, c) in GrammarTests.cases {
            #expect(!c.accepted.isEmpty && !c.rejected.isEmpty, "\(name) needs a positive and a negative case")
        }
    }

    @Test(arguments: GrammarTests.cases.keys.sorted())
    func acceptedAndRejected(_ production: String) {
        let c = GrammarTests.cases[production]!
        for text in c.accepted {
            let d = parse(text)
            #expect(d.isEmpty, "\(production): `\(text)` should parse, got \(d.map(\.message))")
        }
        for text in c.rejected {
            let d = parse(text)
            #expect(!d.isEmpty, "\(production): `\(text)` should be rejected")
            #expect(d.allSatisfy { $0.severity == .error && $0.span != nil })
        }
    }
}
