/// A few element names and a value for each, looked up by the name's first letter and length
/// before any comparison: rules ask about every element of every rendered version, nearly
/// always in vain, and hashing each name (a `Set` or `Dictionary`) cost more than the rest of
/// such a rule.
struct ElementNameIndex<Value: Sendable>: Sendable {
    private var buckets: [[(name: String, value: Value)]]

    init(_ entries: [(String, Value)]) {
        buckets = Array(repeating: [], count: 256 * 8)
        for (name, value) in entries { buckets[Self.shape(name)].append((name, value)) }
    }

    /// The value for `name` (lower case), or nil.
    subscript(_ name: String) -> Value? {
        for entry in buckets[Self.shape(name)] where entry.name == name { return entry.value }
        return nil
    }

    private static func shape(_ name: String) -> Int { Int(name.utf8.first ?? 0) * 8 + min(name.utf8.count, 7) }
}
