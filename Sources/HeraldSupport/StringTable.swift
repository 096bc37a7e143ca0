/// Strings numbered in order of first use, for caches that repeat a few distinct strings many
/// times: a record then holds numbers, which read back without allocating, and each string is
/// stored once.
public struct StringTable: Sendable {
    public private(set) var strings: [String]
    private var ids: [String: Int]

    public init(_ strings: [String] = []) {
        self.strings = strings
        ids = Dictionary(strings.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The number of `s`, added to the table when it is new.
    public mutating func id(_ s: String) -> Int {
        if let id = ids[s] { return id }
        strings.append(s)
        ids[s] = strings.count - 1
        return strings.count - 1
    }

    /// The string numbered `id`; nil when there is none.
    public func string(_ id: Int) -> String? { strings.indices.contains(id) ? strings[id] : nil }
}

/// Reads a list of numbers front to back; every read returns nil once the list runs out or a
/// number is out of range, so a corrupt cache record is rejected rather than trusted.
public struct NumberReader {
    private let numbers: [Int]
    private var position = 0
    private let strings: StringTable

    public init(_ numbers: [Int], strings: StringTable) {
        self.numbers = numbers
        self.strings = strings
    }

    public var isAtEnd: Bool { position == numbers.count }

    public mutating func int() -> Int? {
        guard position < numbers.count else { return nil }
        position += 1
        return numbers[position - 1]
    }

    /// A count that prefixes a list, at most what the remaining numbers could hold.
    public mutating func count() -> Int? {
        guard let n = int(), n >= 0, n <= numbers.count - position else { return nil }
        return n
    }

    public mutating func string() -> String? { int().flatMap(strings.string) }

    /// The number of a string in the table, checked to be one.
    public mutating func symbol() -> Int? {
        guard let n = int(), strings.strings.indices.contains(n) else { return nil }
        return n
    }

    /// Reads the next number if it is `n`; otherwise reads nothing.
    public mutating func skip(_ n: Int) -> Bool {
        guard position < numbers.count, numbers[position] == n else { return false }
        position += 1
        return true
    }
}
