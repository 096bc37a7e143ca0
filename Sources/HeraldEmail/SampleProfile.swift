import HeraldChecker
import HeraldSchema
import HeraldSupport

/// Realistic values for every field of the schema, for validating and sizing messages at compile
/// time without a database.
public enum SampleProfile {
    public static func value(for field: Field) -> RuntimeValue {
        switch field.type {
        case .string:
            // Searched as bytes: Foundation's `contains` goes through `NSString` on Linux, and
            // validation asks for a sample recipient for every arm of every campaign.
            let name = Array(field.name.utf8)
            func has(_ word: StaticString) -> Bool { name.firstIndex(of: word, from: 0) != nil }
            if has("first") { return .string("Alexandra") }
            if has("last") { return .string("Montgomery") }
            if has("city") { return .string("San Francisco") }
            if has("name") { return .string("Alexandra Montgomery") }
            return .string("Sample " + String(field.name.map { $0 == "_" ? " " : $0 }))
        case .email: return .string("alexandra.montgomery@example.com")
        case .url: return .string("https://shop.example.com/products/\(field.name)/1234567?utm_source=email&utm_campaign=sample")
        case .int: return .int(42)
        case .decimal: return .double(1249.99)
        case .bool: return .bool(true)
        case .timestamp: return .string("2026-11-25T09:30:00Z")
        case .date: return .string("2026-11-25")
        case .enumeration(let e): return .string(e.values.max { $0.count < $1.count } ?? "")
        case .list(let t): return .array([value(for: Field(name: field.name, type: t, span: field.span))])
        default: return .null
        }
    }

    /// A sample recipient: every customer field, a few rows of every relation, and the builtins.
    public static func input(schema: Schema, campaign: String, variant: String?, postalAddress: String?, rows: Int = 3) -> RenderInput {
        var fields: [String: RuntimeValue] = [:]
        for f in [schema.customer.key] + schema.customer.fields { fields[f.name] = value(for: f) }
        var relations: [String: [[String: RuntimeValue]]] = [:]
        for r in schema.relations {
            relations[r.name] = (0..<rows).map { i in
                var row: [String: RuntimeValue] = [:]
                for f in r.fields { row[f.name] = f.type == .int ? .int(Int64(i + 1)) : value(for: f) }
                return row
            }
        }
        let builtins: [String: RuntimeValue] = [
            "unsubscribe_url": .string("https://shop.example.com/unsubscribe/3f1c9a7e52b84d0e9a1f6c2b7d8e4a90"),
            "postal_address": .string(postalAddress ?? ""),
            "campaign.name": .string(campaign),
            "campaign.variant": .string(variant ?? ""),
        ]
        return RenderInput(fields: fields, relations: relations, builtins: builtins)
    }
}
