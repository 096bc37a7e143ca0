import HeraldSchema
import HeraldSupport

/// Generates a plausible shop population for any schema: field values by type and name, event
/// streams whose mix and recency vary by customer (dormant, casual, loyal, recently active), and
/// relation rows. Deterministic for a seed.
public struct SampleGenerator {
    public let schema: Schema
    public let options: SampleOptions
    private var rng: SeededRandom

    public init(schema: Schema, options: SampleOptions = SampleOptions()) {
        self.schema = schema
        self.options = options
        self.rng = SeededRandom(seed: options.seed)
    }

    static let firstNames = ["Ava", "Noah", "Mia", "Liam", "Zoë", "Lucas", "Emma", "Mateo", "Olivia", "Elijah", "Sofía", "Kenji", "Amara", "Jonas", "Priya"]
    static let lastNames = ["Smith", "García", "Müller", "Kim", "Rossi", "Nguyen", "O'Brien", "Dubois", "Kowalski", "Silva"]
    static let words = ["boots", "shoes", "jackets", "bags", "hats", "scarves", "socks", "sneakers", "sandals", "belts"]
    static let timezones = ["America/New_York", "America/Los_Angeles", "Europe/London", "Europe/Berlin", "Asia/Tokyo", "UTC"]

    public mutating func generate() -> SampleDataset {
        var customers: [[String: Value]] = []
        var events: [SampleDataset.Event] = []
        forEachCustomer { row, customerEvents in
            customers.append(row)
            events.append(contentsOf: customerEvents)
        }
        events.sort { ($0.time, $0.type, "\($0.customer)") < ($1.time, $1.type, "\($1.customer)") }
        var relations: [String: [[String: Value]]] = [:]
        for r in schema.relations {
            var rows: [[String: Value]] = []
            for c in customers where rng.chance(0.8) {
                for rank in 1...rng.int(in: 1...6) {
                    var row: [String: Value] = ["__customer": c[schema.customer.key.name]!]
                    for f in r.fields {
                        row[f.name] = f.type == .int && (f.name == "rank" || f.column == r.orderBy) ? .int(Int64(rank)) : value(for: f, index: rank)
                    }
                    rows.append(row)
                }
            }
            relations[r.name] = rows
        }
        let suppressed = schema.suppression == nil ? [] : customers.filter { _ in rng.chance(0.02) }.map { $0[schema.customer.key.name]! }
        return SampleDataset(asOf: options.asOf, customers: customers, events: events, relations: relations, suppressed: suppressed)
    }

    /// Generates customers one at a time with their events, without keeping them: what large
    /// benchmark datasets are streamed from. `generate()` is built on it.
    public mutating func forEachCustomer(_ body: ([String: Value], [SampleDataset.Event]) -> Void) {
        let keyIsInt = schema.customer.key.type == .int
        let horizon = Int64(options.days) * 86_400
        for i in 0..<options.customers {
            let key: Value = keyIsInt ? .int(Int64(1000 + i)) : .string("c\(String(1000 + i))")
            var row: [String: Value] = [schema.customer.key.name: key]
            for f in schema.customer.fields { row[f.name] = value(for: f, index: i) }
            var events: [SampleDataset.Event] = []
            // Personas decide how many events and how recent.
            let persona = rng.unit()
            let count: Int
            var newest: Int64 = 0
            if persona < 0.15 {
                count = rng.int(in: 1...4)
                newest = 61 * 86_400 + Int64(rng.int(90 * 86_400))
            } else if persona < 0.35 {
                count = rng.int(in: options.eventsPerCustomer...options.eventsPerCustomer * 3)
            } else {
                count = rng.int(in: 0...options.eventsPerCustomer)
                newest = Int64(rng.int(20 * 86_400))
            }
            for _ in 0..<count {
                let age = newest + Int64(rng.int(Int(max(1, horizon - newest))))
                events.append(event(for: key, at: options.asOf - age))
            }
            // A third of the active customers had a session in the last three days: views, a cart, maybe a purchase.
            if persona >= 0.15 && rng.chance(0.33) {
                let start = options.asOf - Int64(rng.int(3 * 86_400))
                for j in 0..<rng.int(in: 1...5) { events.append(event(for: key, at: start + Int64(j * 120), preferring: "view")) }
                if rng.chance(0.6) { events.append(event(for: key, at: start + 900, preferring: "cart")) }
                if rng.chance(0.3) { events.append(event(for: key, at: start + 1500, preferring: "purchase")) }
            }
            if options.edgeEvents && rng.chance(0.3) {
                for _ in 0..<rng.int(in: 1...3) {
                    let hours = [0, 1, 4, 24, 48, 72, 24 * 7, 24 * 14, 24 * 30, 24 * 60, 24 * 90][rng.int(11)]
                    events.append(event(for: key, at: options.asOf - Int64(hours) * 3600 + Int64([0, 0, -1, 1][rng.int(4)])))
                }
            }
            body(row, events)
        }
    }

    private mutating func event(for key: Value, at time: Int64, preferring hint: String? = nil) -> SampleDataset.Event {
        let types = schema.events.types
        var type = types[0]
        if let hint, let t = types.first(where: { $0.name.contains(hint) }) {
            type = t
        } else {
            let weights = types.map { t -> Int in
                let n = t.name
                if n.contains("view") { return 8 }
                if n.contains("deliver") { return 5 }
                if n.contains("open") { return 3 }
                if n.contains("cart") { return 3 }
                if n.contains("click") { return 2 }
                return 1
            }
            var pick = rng.int(weights.reduce(0, +))
            for (t, w) in zip(types, weights) {
                if pick < w { type = t; break }
                pick -= w
            }
        }
        var props: [String: Value] = [:]
        for p in type.properties where !(p.nullable && rng.chance(0.1)) { props[p.name] = value(for: p, index: rng.int(1000)) }
        return SampleDataset.Event(customer: key, type: type.name, time: time, properties: props)
    }

    /// A value for a field, chosen by type and (for strings) by what the name suggests.
    mutating func value(for f: Field, index: Int) -> Value {
        if f.nullable && rng.chance(0.15) { return .null }
        let n = f.name.lowercased()
        switch f.type {
        case .bool:
            if n.contains("consent") || n.contains("opt") { return .bool(rng.chance(0.8)) }
            return .bool(rng.chance(0.5))
        case .int:
            if n.contains("age") { return .int(Int64(rng.int(in: 18...80))) }
            return .int(Int64(rng.int(100)))
        case .decimal:
            // Quarters: exact in binary floating point, so every engine sums them identically.
            let top = n.contains("lifetime") || n.contains("total") ? 2000 : 200
            return .decimal(decimalText(Double(rng.int(top * 4)) / 4))
        case .timestamp:
            return .timestamp(options.asOf - Int64(rng.int(options.days * 2 * 86_400)))
        case .date:
            return .date(CivilTime.floorDiv(options.asOf, 86_400) - Int64(rng.int(365 * 40)))
        case .email:
            return .string("customer\(index)-\(rng.int(10_000))@example.com")
        case .url:
            return .string("https://shop.example.com/\(SampleGenerator.words[rng.int(SampleGenerator.words.count)])/\(rng.int(10_000))")
        case .enumeration(let e):
            return .string(e.values[rng.int(e.values.count)])
        case .list(let t):
            return .string("[" + (0..<rng.int(3)).map { _ in t == .int ? String(rng.int(100)) : "\"\(rng.pick(SampleGenerator.words))\"" }
                .joined(separator: ",") + "]")
        case .string:
            if schema.customer.timezone?.name == f.name { return .string(rng.pick(SampleGenerator.timezones)) }
            if n.contains("first") { return .string(rng.pick(SampleGenerator.firstNames)) }
            if n.contains("last") { return .string(rng.pick(SampleGenerator.lastNames)) }
            if n.contains("category") { return .string(rng.pick(SampleGenerator.words)) }
            if n.contains("id") { return .string("p\(rng.int(500))") }
            if n.contains("name") { return .string(rng.pick(SampleGenerator.words).capitalized + " " + String(rng.int(100))) }
            if n.contains("campaign") { return .string(rng.pick(["welcome", "cart-recovery", "weekly-digest"])) }
            return .string(rng.pick(SampleGenerator.words))
        default:
            return .null
        }
    }

    func decimalText(_ d: Double) -> String {
        d == d.rounded() ? String(Int64(d)) + ".0" : String(d)
    }
}

import Foundation
