import HeraldDiagnostics
import HeraldSource
import HeraldSyntax
import Testing

/// The expression parser: precedence, spans and the errors people make.
@Suite struct ExpressionParserTests {
    func parse(_ text: String, limits: ExpressionLimits = .standard) -> (Expr, [Diagnostic]) {
        ExpressionParser.parse(LocatedText(verbatim: text, file: FileID(0), offset: 0), limits: limits)
    }

    @Test func andBindsTighterThanOr() throws {
        let (e, d) = parse("a.x or b.y and not c.z")
        #expect(d.isEmpty)
        guard case .logical(.or, let items) = e.kind, items.count == 2, case .logical(.and, _) = items[1].kind else {
            Issue.record("unexpected tree \(e.kind)")
            return
        }
    }

    @Test func coalesceBindsTighterThanComparison() throws {
        let (e, _) = parse("count(a within 1d) / count(b within 1d) ?? 0 > 0.7")
        guard case .binary(.greater, let lhs, _) = e.kind, case .binary(.coalesce, let inner, _) = lhs.kind,
              case .binary(.divide, _, _) = inner.kind else {
            Issue.record("unexpected tree \(e.kind)")
            return
        }
    }

    @Test func aggregatesTakeFiltersAndWindows() throws {
        let (e, d) = parse("count(product_viewed where event.category == \"boots\" within 30d) >= 2")
        #expect(d.isEmpty)
        guard case .binary(_, let agg, _) = e.kind, case .aggregate(let a) = agg.kind else {
            Issue.record("unexpected tree")
            return
        }
        #expect(a.event.value == "product_viewed")
        #expect(a.window?.value == Interval(seconds: 30 * 86_400))
        #expect(a.filter != nil)
    }

    @Test func spansPointAtTheToken() throws {
        let (_, d) = parse("customer.x == 1 && y")
        let diag = try #require(d.first)
        #expect(diag.span == Span(file: FileID(0), start: 16, end: 18))
        #expect(diag.help == "Use `and`.")
    }

    @Test func chainedComparisonsAreRejected() {
        #expect(parse("1 < 2 < 3").1.first?.message == "Comparisons cannot be chained.")
    }

    @Test func hugeExpressionsHitTheLimits() {
        let wide = Array(repeating: "x.y", count: 20_000).joined(separator: " or ")
        #expect(parse(wide).1.first?.kind == .expressionTooLarge)
        let deep = String(repeating: "(", count: 1000) + "1" + String(repeating: ")", count: 1000)
        #expect(parse(deep).1.first?.kind == .expressionTooDeep)
        let longChain = Array(repeating: "1", count: 500).joined(separator: " - ")
        #expect(parse(longChain).1.first?.kind == .expressionTooDeep)
    }
}
