@testable import HeraldEmail
import Testing

/// `money`: two decimals rounded half away from zero, thousands grouped with commas, a minus
/// sign only when something is left after rounding.
@Suite struct MoneyFilterTests {
    @Test func groupsAndRounds() {
        let cases: [(Double, String)] = [
            (0, "0.00"), (5, "5.00"), (0.5, "0.50"), (0.005, "0.01"), (12.345, "12.35"), (100, "100.00"), (999.994, "999.99"),
            (999.995, "1,000.00"), (1000, "1,000.00"), (1234.5, "1,234.50"), (12345.678, "12,345.68"), (123456, "123,456.00"),
            (1234567.891, "1,234,567.89"), (-0.004, "0.00"), (-0.005, "-0.01"), (-1234567.891, "-1,234,567.89"), (-999, "-999.00"),
        ]
        for (value, expected) in cases { #expect(LiquidFilters.money(value) == expected, "\(value)") }
    }
}
