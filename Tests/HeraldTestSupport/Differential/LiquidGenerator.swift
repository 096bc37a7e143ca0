import HeraldSupport

/// Random Liquid templates inside the subset Herald types and python-liquid renders, over the
/// example shop's customer: outputs with filter chains, `if`/`elsif`/`else`, `unless`, `case`,
/// `for` over ranges and relations with `limit`/`offset`/`else`, `assign`, `raw` and `comment`.
/// Two places where python-liquid departs from Shopify's Liquid are not generated: `limit: 0`
/// (python-liquid ignores it) and `truncatewords: N` on text of exactly N words (python-liquid
/// appends the ellipsis; Shopify returns the text unchanged); the atoms here have 1 or 2 words.
/// Nor are exact halves given to `round` (python-liquid rounds half to even like Python, Shopify half
/// away from zero like Ruby), nor `truncatewords` of text with runs of spaces it does not shorten
/// (python-liquid collapses them, Shopify returns the text as it was).
public struct LiquidGenerator {
    var random: SeededRandom

    public init(seed: UInt64) { random = SeededRandom(seed: seed) }

    mutating func pick<T>(_ xs: [T]) -> T { xs[random.int(xs.count)] }

    static let stringAtoms = ["customer.country", "customer.first_name | default: \"friend\"", "customer.city | default: \"nowhere\"", "\"Hello World\"", "\"  padded  \""]
    static let numberAtoms = ["customer.customer_id", "customer.lifetime_value", "3", "10", "2.4"]
    static let stringFilters = ["upcase", "downcase", "capitalize", "strip", "truncate: 5", "truncate: 8, \"..\"", "truncatewords: 3",
                                "replace: \"o\", \"0\"", "append: \"!\"", "prepend: \"> \"", "url_encode", "escape", "default: \"x\""]
    static let numberFilters = ["plus: 2", "minus: 1", "times: 3", "divided_by: 4", "round", "round: 1", "plus: 0.3"]

    mutating func stringOutput() -> String {
        let atom = pick(LiquidGenerator.stringAtoms)
        var s = atom
        let filters = atom.contains("padded") ? LiquidGenerator.stringFilters.filter { !$0.hasPrefix("truncatewords") } : LiquidGenerator.stringFilters
        for _ in 0..<random.int(3) { s += " | " + pick(filters) }
        if random.int(4) == 0 { s += " | size" }
        return "{{ \(s) }}"
    }

    mutating func numberOutput() -> String {
        var s = pick(LiquidGenerator.numberAtoms)
        for _ in 0..<random.int(3) { s += " | " + pick(LiquidGenerator.numberFilters) }
        return "{{ \(s) }}"
    }

    mutating func condition() -> String {
        pick([
            "customer.lifetime_value > \(pick(["100", "2000", "0"]))", "customer.country == \"\(pick(["US", "NO", "DE"]))\"",
            "customer.email_consent", "customer.customer_id >= 5", "customer.country != \"US\" and customer.lifetime_value < 5000",
            "customer.first_name", "customer.city == nil or customer.customer_id == 42",
        ])
    }

    mutating func text() -> String { pick(["A", "b ", " c", "Dear ", "-", ", ", "\n", "x y"]) }

    mutating func block(depth: Int) -> String {
        var out = ""
        for _ in 0..<(1 + random.int(3)) { out += piece(depth: depth) }
        return out
    }

    mutating func piece(depth: Int) -> String {
        let choice = depth > 2 ? random.int(3) : random.int(11)
        switch choice {
        case 0: return text()
        case 1: return stringOutput()
        case 2: return numberOutput()
        case 3:
            var s = "{% if \(condition()) %}\(block(depth: depth + 1))"
            if random.int(2) == 0 { s += "{% elsif \(condition()) %}\(block(depth: depth + 1))" }
            if random.int(2) == 0 { s += "{% else %}\(block(depth: depth + 1))" }
            return s + "{% endif %}"
        case 4: return "{% unless \(condition()) %}\(block(depth: depth + 1)){% endunless %}"
        case 5:
            return "{% case customer.country %}{% when \"US\" %}\(block(depth: depth + 1)){% when \"NO\", \"DE\" %}\(block(depth: depth + 1))"
                + (random.int(2) == 0 ? "{% else %}\(block(depth: depth + 1))" : "") + "{% endcase %}"
        case 6:
            // python-liquid ignores `limit: 0` where Shopify's Liquid (and Herald) renders no iteration.
            let limit = random.int(2) == 0 ? " limit: \(1 + random.int(3))" : ""
            let offset = random.int(2) == 0 ? " offset: \(random.int(3))" : ""
            return "{% for i in (1..\(random.int(5))) \(limit)\(offset) %}{{ i }}{{ forloop.index }}\(random.int(2) == 0 ? "{% if forloop.first %}F{% endif %}" : "")"
                + (random.int(2) == 0 ? "{% else %}none" : "") + "{% endfor %}"
        case 7:
            return "{% for r in customer.recommendations limit: \(1 + random.int(3)) %}{{ r.name | upcase }}:{{ r.price | times: 2 }}{% unless forloop.last %}, {% endunless %}{% endfor %}"
        case 8:
            let atom = pick(LiquidGenerator.stringAtoms)
            let filters = atom.contains("padded") ? LiquidGenerator.stringFilters.filter { !$0.hasPrefix("truncatewords") } : LiquidGenerator.stringFilters
            return "{% assign v = \(atom) | \(pick(filters)) %}[{{ v }}]"
        case 9: return "{% raw %}{{ not a tag }}{% endraw %}"
        default: return "{% comment %}hidden {{ x }}{% endcomment %}" + text()
        }
    }

    /// One template (without trailing newlines, which a YAML block scalar would not keep).
    public mutating func template() -> String {
        var t = block(depth: 0)
        while t.hasSuffix("\n") { t.removeLast() }
        return t
    }
}
