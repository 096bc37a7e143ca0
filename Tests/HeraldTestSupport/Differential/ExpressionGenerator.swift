import HeraldSupport

/// Random well-typed expressions over the differential fixture's schema (`Fixtures/differential`),
/// reaching every construct of the language: fields (nullable or not), every aggregate with
/// filters and windows, `any`, arithmetic, `??`, null tests, lists, string tests, time arithmetic,
/// `days_since`, case folding, ranks.
public struct ExpressionGenerator {
    var rng: SeededRandom

    public init(seed: UInt64) { rng = SeededRandom(seed: seed) }

    typealias E = GenExpr

    static let windows = ["1h", "4h", "24h", "48h", "72h", "7d", "14d", "30d", "60d", "90d", "180d", "365d"]
    static let events: [(name: String, numeric: [(String, E.Kind)], strings: [String])] = [
        ("page_viewed", [("duration", .int)], ["channel", "path"]),
        ("product_viewed", [("price", .decimal)], ["channel", "product_id", "category"]),
        ("cart_added", [("cart_value", .decimal), ("quantity", .int)], ["channel", "product_id"]),
        ("purchase_completed", [("total", .decimal), ("items", .int)], ["channel", "order_id"]),
        ("email_opened", [], ["channel", "campaign"]),
    ]
    static let words = ["web", "app", "email", "boots", "shoes", "bags", "welcome", "p1", "p12", "/home", "/cart", "bo", "S", "s"]

    mutating func pick<T>(_ xs: [T]) -> T { rng.pick(xs) }
    mutating func chance(_ p: Double) -> Bool { rng.chance(p) }

    /// A quarter-multiple literal: exact in binary floating point and in decimal arithmetic alike.
    mutating func decimalLiteral(_ top: Int = 400) -> String {
        let q = rng.int(top * 4)
        return q % 4 == 0 ? "\(q / 4).0" : String(Double(q) / 4)
    }

    mutating func intLiteral(_ top: Int = 20) -> String { String(rng.int(top)) }

    mutating func window() -> String { " within " + pick(ExpressionGenerator.windows) }

    mutating func compareOp() -> String { pick([" == ", " != ", " < ", " <= ", " > ", " >= "]) }

    public mutating func condition(depth: Int = 3) -> GenExpr {
        let choice = depth <= 0 ? rng.int(8) : rng.int(14)
        switch choice {
        case 0: return E(.bool, ["", compareOp(), ""], [number(depth - 1), .leaf(.int, intLiteral(30))])
        case 1: return E(.bool, ["", compareOp(), ""], [number(depth - 1), .leaf(.decimal, decimalLiteral())])
        case 2:
            let values = (0..<rng.int(in: 1...3)).map { _ in "\"\(pick(["US", "CA", "GB", "DE", "FR", "NO"]))\"" }
            return .leaf(.bool, "customer.country \(chance(0.3) ? "not in" : "in") [\(values.joined(separator: ", "))]")
        case 3: return .leaf(.bool, pick(["customer.vip", "not customer.vip", "customer.vip == true", "customer.email_consent"]))
        case 4: return .leaf(.bool, pick(["customer.city", "customer.age", "customer.score", "customer.birthday", "customer.first_name"])
                             + pick([" is null", " is not null"]))
        case 5: return aggregateCondition()
        case 6: return E(.bool, ["", pick([" >= ", " < ", " > "]), ""], [time(), time()])
        case 7:
            let s = string()
            let needle = "\"\(pick(ExpressionGenerator.words))\""
            return E(.bool, ["", pick([" contains ", " starts_with ", " == ", " < "]) + needle], [s])
        case 8: return E(.bool, ["not (", ")"], [condition(depth: depth - 1)])
        case 9, 10:
            let n = rng.int(in: 2...3)
            let op = choice == 9 ? " and " : " or "
            return E(.bool, ["("] + Array(repeating: op, count: n - 1) + [")"], (0..<n).map { _ in condition(depth: depth - 1) })
        case 11: return E(.bool, ["customer.age is not null and ", ""], [.leaf(.bool, "customer.age" + compareOp() + intLiteral(90))])
        case 12: return E(.bool, ["", " == ", ""], [E(.int, [pick(["quintile(", "percentile("]), ")"], [rankable()]), .leaf(.int, String(rng.int(in: 1...5)))])
        default: return E(.bool, ["", compareOp(), ""], [E(.int, ["days_since(", ")"], [time()]), .leaf(.int, intLiteral(400))])
        }
    }

    mutating func aggregateCondition() -> GenExpr {
        let e = pick(ExpressionGenerator.events)
        let name = chance(0.1) ? "any" : e.name
        let filter = name == "any" ? (chance(0.4) ? " where event.channel == \"\(pick(["web", "app", "email"]))\"" : "") : eventFilter(e)
        let w = chance(0.85) ? window() : ""
        switch rng.int(3) {
        case 0: return .leaf(.bool, "exists(\(name)\(filter)\(w))")
        case 1: return .leaf(.bool, "not exists(\(name)\(filter)\(w))")
        default: return .leaf(.bool, "count(\(name)\(filter)\(w))\(compareOp())\(rng.int(6))")
        }
    }

    mutating func eventFilter(_ e: (name: String, numeric: [(String, E.Kind)], strings: [String])) -> String {
        guard chance(0.5) else { return "" }
        if !e.numeric.isEmpty && chance(0.5) {
            let (p, kind) = pick(e.numeric)
            return " where event.\(p)\(compareOp())\(kind == .int ? intLiteral(10) : decimalLiteral(200))"
        }
        let p = pick(e.strings)
        switch rng.int(3) {
        case 0: return " where event.\(p) == \"\(pick(ExpressionGenerator.words))\""
        case 1: return " where event.\(p) starts_with \"\(pick(["b", "p", "/", "w", "a"]))\""
        default: return " where event.\(p) in [\"web\", \"boots\", \"p1\"] or event.\(p) == \"app\""
        }
    }

    public mutating func number(_ depth: Int) -> GenExpr {
        let choice = depth <= 0 ? rng.int(7) : rng.int(11)
        switch choice {
        case 0: return .leaf(.int, pick(["customer.customer_id", "(customer.age ?? 0)", "length(customer.email)", "length(lower(customer.tz))"]))
        case 1: return .leaf(.decimal, pick(["customer.lifetime_value", "(customer.score ?? 0.5)", "(customer.score ?? customer.lifetime_value)"]))
        case 2:
            let e = pick(ExpressionGenerator.events)
            let any = chance(0.1)
            return .leaf(.int, "count(\(any ? "any" : e.name)\(any ? "" : eventFilter(e))\(chance(0.8) ? window() : ""))")
        case 3, 4:
            let candidates = ExpressionGenerator.events.filter { !$0.numeric.isEmpty }
            let e = pick(candidates)
            let (p, kind) = pick(e.numeric)
            let f = pick(["sum", "avg", "min", "max", "first", "last"])
            let agg = "\(f)(\(e.name).\(p)\(eventFilter(e))\(chance(0.8) ? window() : ""))"
            if f == "sum" { return .leaf(kind, agg) }
            return .leaf(f == "avg" ? .decimal : kind, "(\(agg) ?? \(kind == .int ? intLiteral(5) : decimalLiteral(50)))")
        case 5: return E(.int, ["days_since(", ")"], [time()])
        case 6: return .leaf(.int, intLiteral(50))
        case 7: return E(.decimal, ["(", " + ", ")"], [number(depth - 1), number(depth - 1)])
        case 8: return E(.decimal, ["(", " - ", ")"], [number(depth - 1), number(depth - 1)])
        case 9: return E(.decimal, ["(", " * \(rng.int(in: 1...3)))"], [number(depth - 1)])
        default: return E(.decimal, ["(", " / ", " ?? 0)"], [number(depth - 1), number(depth - 1)])
        }
    }

    /// Numbers to rank by: whole-base quantities without nested ranks.
    mutating func rankable() -> GenExpr {
        let e = pick(ExpressionGenerator.events.filter { !$0.numeric.isEmpty })
        let (p, _) = pick(e.numeric)
        return .leaf(.decimal, pick(["customer.lifetime_value", "sum(\(e.name).\(p)\(window()))", "count(\(e.name)\(window()))", "(customer.age ?? 0)"]))
    }

    mutating func time() -> GenExpr {
        switch rng.int(5) {
        case 0: return .leaf(.timestamp, "customer.signup_at")
        case 1: return .leaf(.timestamp, "as_of - \(pick(ExpressionGenerator.windows))")
        case 2:
            let e = pick(ExpressionGenerator.events)
            return .leaf(.timestamp, "(\(pick(["first", "last"]))(\(e.name)\(window())) ?? as_of - 400d)")
        case 3: return .leaf(.timestamp, "(customer.signup_at + \(pick(["1d", "7d", "30d"])))")
        default: return .leaf(.timestamp, "timestamp(\"2026-\(pick(["06", "09", "10", "11"]))-\(pick(["01", "15", "24"]))T\(pick(["00", "11", "23"])):00:00Z\")")
        }
    }

    mutating func string() -> GenExpr {
        .leaf(.string, pick(["customer.email", "(customer.city ?? \"\")", "(customer.first_name ?? \"S\")", "lower(customer.tz)",
                            "upper(customer.email)", "customer.tz", "(last(product_viewed.category within 30d) ?? \"none\")",
                            "(min(page_viewed.path) ?? \"/\")"]))
    }
}
