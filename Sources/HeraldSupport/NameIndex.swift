/// Positions of named things in an array, by name: what turns "the campaign called X" from a
/// scan of every campaign into one lookup. A project of 10,000 campaigns looked each one up by
/// scanning, which made `check` and `build` quadratic.
///
/// The first of repeated names wins, as a linear search would find it.
public struct NameIndex: Sendable {
    private var positions: [String: Int] = [:]

    public init<S: Sequence>(_ names: S) where S.Element == String {
        positions.reserveCapacity(names.underestimatedCount)
        for (i, name) in names.enumerated() where positions[name] == nil { positions[name] = i }
    }

    /// Where `name` is, or nil.
    public subscript(name: String) -> Int? { positions[name] }
}
