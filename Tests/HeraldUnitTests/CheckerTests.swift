import HeraldChecker
import HeraldDiagnostics
import HeraldDriver
import HeraldTestSupport
import Testing

/// The checker's behaviour beyond single diagnostics: recovery, null narrowing, scopes and layouts.
@Suite struct CheckerTests {
    func codes(_ audience: String, extra: String = "") throws -> [String] {
        let p = try ScratchProject(files: ["campaigns/t.yaml": ScratchProject.campaign("t", audience: audience, extra: extra)])
        return p.compile("campaigns/t.yaml").diagnostics.items.map(\.code).sorted()
    }

    @Test func independentErrorsAreAllReported() throws {
        let p = try ScratchProject(files: [
            "campaigns/a.yaml": ScratchProject.campaign("a", audience: "customer.contry == \"US\" and count(carts within 1d) > 1",
                                                        extra: "frequency_cap: weekly\n", subject: "\"{{ customer.frist }}\""),
            "campaigns/b.yaml": ScratchProject.campaign("b", audience: "segment.nope"),
        ])
        let c = p.compile()
        let found = c.diagnostics.sorted(using: c.sources).filter { $0.severity == .error }.map(\.code)
        #expect(found == ["H0203", "H0204", "H0707", "H0203", "H0206"], "\(found)")
    }

    @Test func aChildErrorIsNotRepeatedByItsParent() throws {
        // The unknown field poisons the comparison, the `and` and the audience without new diagnostics.
        #expect(try codes("customer.contry == \"US\" and not (customer.contry == \"CA\")") == ["H0203", "H0203"])
        #expect(try codes("(customer.nope + 1) * 2 > 3") == ["H0203"])
    }

    @Test func nullTestsNarrowWithinAndAndOr() throws {
        #expect(try codes("customer.city is not null and customer.city == \"Oslo\"").isEmpty)
        #expect(try codes("customer.city is null or customer.city == \"Oslo\"").isEmpty)
        #expect(try codes("customer.city == \"Oslo\"") == ["H0210"])
        #expect(try codes("customer.city is null and customer.city == \"Oslo\"") == ["H0210"])
    }

    @Test func divisionIsNullable() throws {
        #expect(try codes("count(email_opened within 30d) / count(email_delivered within 30d) > 0.5") == ["H0210"])
        #expect(try codes("(count(email_opened within 30d) / count(email_delivered within 30d) ?? 0) > 0.5").isEmpty)
    }

    @Test func eventPropertiesNeedAnEvent() throws {
        #expect(try codes("event.category == \"boots\"") == ["H0217"])
        #expect(try codes("exists(product_viewed where event.category == \"boots\")").isEmpty)
        #expect(try codes("exists(any where event.category == \"boots\")") == ["H0205"])
        #expect(try codes("exists(product_viewed where exists(cart_added))") == ["H0211"])
    }

    @Test func triggerFiltersReadTheEventAndTheCustomerOnly() throws {
        func messages(_ filter: String) throws -> [String] {
            let extra = "trigger:\n  on: cart_added\n  where: '\(filter)'\n  delay: 4h\n"
            let p = try ScratchProject(files: ["campaigns/t.yaml": ScratchProject.campaign("t", audience: "customer.lifetime_value > 0", extra: extra)])
            return p.compile("campaigns/t.yaml").diagnostics.items.map(\.message)
        }
        #expect(try messages("event.cart_value >= 50 and customer.country == \"US\"").isEmpty)
        #expect(try messages("count(purchase_completed within 1d) == 0").contains {
            $0.contains("`count` cannot be used in a trigger filter") && $0.contains("`audience`")
        })
        #expect(try messages("segment.loyal").contains("A trigger filter cannot refer to segments."))
        #expect(try messages("quintile(event.cart_value) == 5").contains { $0.contains("cannot be used inside an event filter") })
    }

    @Test func enumsAndTimes() throws {
        #expect(try codes("customer.country in [\"US\", \"XX\"]") == ["H0209"])
        #expect(try codes("customer.country < \"US\"") == ["H0208"])
        #expect(try codes("customer.signup_at > as_of - 30d and days_since(customer.signup_at) < 90").isEmpty)
        #expect(try codes("customer.signup_at > 30d") == ["H0208"])
        #expect(try codes("customer.signup_at > timestamp(\"2026-01-01T00:00:00+01:00\")").isEmpty)
    }

    @Test func consentIsAlwaysANDedIntoMarketingAudiences() throws {
        let p = try ScratchProject(files: ["campaigns/t.yaml": ScratchProject.campaign("t", audience: "exists(cart_added within 1d)")])
        let c = p.compile()
        let plan = try #require(c.plan?.campaign(named: "t"))
        guard case .and(let items) = plan.audience, case .column(let f) = items[0] else {
            Issue.record("consent is not the first conjunct")
            return
        }
        #expect(f.name == "email_consent")
    }

    @Test func strictTurnsWarningsIntoErrors() throws {
        var bag = DiagnosticBag()
        bag.emit(Diagnostic(.unusedSegment, "unused", at: nil))
        #expect(!bag.hasErrors)
        bag.promoteWarnings()
        #expect(bag.hasErrors)
    }
}
