/// A JSON document as a value, written canonically: object keys sorted, two-space indentation,
/// so that equal values always give equal bytes (bundles, diagnostics, reports).
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
    /// A value whose pretty text at the depth it is placed is written already
    /// (`JSONValue.written(_:depth:)`); it reads and compares as that value.
    indirect case written(WrittenJSON)

    /// The value itself, whether or not its text is written already.
    public var value: JSONValue {
        if case .written(let w) = self { return w.value }
        return self
    }

    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = value { return o[key] }
        return nil
    }

    public var stringValue: String? {
        if case .string(let s) = value { return s }
        return nil
    }

    public var intValue: Int64? {
        switch value {
        case .int(let i): return i
        case .double(let d) where d == d.rounded() && abs(d) < 9e15: return Int64(d)
        default: return nil
        }
    }

    public var doubleValue: Double? {
        switch value {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }

    public var boolValue: Bool? {
        if case .bool(let b) = value { return b }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let a) = value { return a }
        return nil
    }

    public var objectValue: [String: JSONValue]? {
        if case .object(let o) = value { return o }
        return nil
    }

    /// Canonical pretty text with a trailing newline.
    public func prettyText() -> String { String(decoding: prettyBytes(), as: UTF8.self) }

    /// Canonical pretty text with a trailing newline, as UTF-8 bytes (what bundles write).
    public func prettyBytes() -> [UInt8] {
        var out: [UInt8] = []
        // Documents holding text written before (a shared layout's program) start at its size,
        // rather than growing to it by copying.
        out.reserveCapacity(writtenBytes + 4096)
        write(into: &out, indent: 0, pretty: true)
        out.append(0x0A)
        return out
    }

    /// The size of the text already written inside the value, found without writing it.
    private var writtenBytes: Int {
        switch self {
        case .written(let w): return w.pretty.count
        case .array(let items): return items.reduce(0) { $0 + $1.writtenBytes }
        case .object(let members): return members.values.reduce(0) { $0 + $1.writtenBytes }
        default: return 0
        }
    }

    /// Canonical text on one line (used for JSON Lines and hashing).
    public func compactText() -> String {
        var out: [UInt8] = []
        write(into: &out, indent: 0, pretty: false)
        return String(decoding: out, as: UTF8.self)
    }

    /// `value` with its pretty text at `depth` written now, for placing at that depth in
    /// documents written later: a bundle puts one layout's program into the message of every
    /// campaign that uses it, and writes its text once.
    public static func written(_ value: JSONValue, depth: Int) -> JSONValue {
        var pretty: [UInt8] = []
        value.write(into: &pretty, indent: depth, pretty: true)
        return .written(WrittenJSON(value: value.value, depth: depth, pretty: pretty))
    }

    // Written as bytes: appending to a `String` piece by piece cost more than the escaping itself.
    private func write(into out: inout [UInt8], indent: Int, pretty: Bool) {
        switch self {
        case .written(let w):
            if pretty && w.depth == indent { out += w.pretty } else { w.value.write(into: &out, indent: indent, pretty: pretty) }
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .double(let d): out.append(contentsOf: JSONValue.format(d).utf8)
        case .string(let s): JSONValue.writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(0x5B)
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(0x2C) }
                if pretty { JSONValue.newline(indent + 1, into: &out) }
                item.write(into: &out, indent: indent + 1, pretty: pretty)
            }
            if pretty { JSONValue.newline(indent, into: &out) }
            out.append(0x5D)
        case .object(let members):
            if members.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(0x7B)
            // Members sorted with their values: looking each value up again by its key hashed
            // every key of every object a second time.
            for (i, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
                if i > 0 { out.append(0x2C) }
                if pretty { JSONValue.newline(indent + 1, into: &out) }
                JSONValue.writeString(member.key, into: &out)
                out.append(0x3A)
                if pretty { out.append(0x20) }
                member.value.write(into: &out, indent: indent + 1, pretty: pretty)
            }
            if pretty { JSONValue.newline(indent, into: &out) }
            out.append(0x7D)
        }
    }

    /// A line break and two spaces per level.
    private static func newline(_ level: Int, into out: inout [UInt8]) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: 2 * level))
    }

    /// Shortest round-tripping decimal text; non-finite numbers have no JSON form and become null.
    static func format(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded() && abs(d) < 1e15 { return String(Int64(d)) + ".0" }
        return "\(d)"
    }

    static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }

    /// The bytes that can start an escape: controls, `"`, `\`, DEL and the lead byte of U+2028/9.
    static let mayNeedEscape: [Bool] = (0..<256).map { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xE2 }

    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { u in JSONValue.mayNeedEscape.withUnsafeBufferPointer { mayNeedEscape in
            // The runs between escapes are appended whole, not byte by byte.
            var run = 0
            var i = 0
            while i < u.count {
                let b = u[i]
                // Most bytes need nothing: one table lookup (read in place, not through the
                // global's accessor), not the switch below.
                if !mayNeedEscape[Int(b)] {
                    i += 1
                    continue
                }
                // The letter of a two-byte escape (`\"`, `\n`…), written as bytes: quotes are
                // every few bytes of a layout's HTML.
                var letter: UInt8 = 0
                var escape: String?
                var next = i + 1
                switch b {
                case 0x22: letter = 0x22
                case 0x5C: letter = 0x5C
                case 0x0A: letter = 0x6E
                case 0x0D: letter = 0x72
                case 0x09: letter = 0x74
                case 0x08: letter = 0x62
                case 0x0C: letter = 0x66
                case 0x00..<0x20, 0x7F: escape = JSONValue.unicodeEscape(UInt32(b))
                case 0xE2:
                    // U+2028 and U+2029 (E2 80 A8/A9) break JavaScript string literals.
                    if i + 2 < u.count, u[i + 1] == 0x80, u[i + 2] == 0xA8 || u[i + 2] == 0xA9 {
                        escape = JSONValue.unicodeEscape(u[i + 2] == 0xA8 ? 0x2028 : 0x2029)
                        next = i + 3
                    }
                default: break
                }
                if letter != 0 {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<i]))
                    out.append(0x5C)
                    out.append(letter)
                    run = next
                } else if let escape {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<i]))
                    out.append(contentsOf: escape.utf8)
                    run = next
                }
                i = next
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<u.count]))
        } }
        out.append(0x22)
    }
}

/// A value and its pretty text at one depth (`JSONValue.written(_:depth:)`).
public struct WrittenJSON: Sendable {
    public let value: JSONValue
    let depth: Int
    let pretty: [UInt8]
}

extension JSONValue {
    /// Values compare as what they hold: a value whose text is written already equals the value.
    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.written(let x), _): return x.value == b
        case (_, .written(let y)): return a == y.value
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.double(let x), .double(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)): return x == y
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .written(let w): w.value.hash(into: &hasher)
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(1); hasher.combine(b)
        case .int(let i): hasher.combine(2); hasher.combine(i)
        case .double(let d): hasher.combine(3); hasher.combine(d)
        case .string(let s): hasher.combine(4); hasher.combine(s)
        case .array(let a): hasher.combine(5); hasher.combine(a)
        case .object(let o): hasher.combine(6); hasher.combine(o)
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(nilLiteral: ()) { self = .null }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        var o: [String: JSONValue] = [:]
        // Sized once: a bundle builds thousands of these, and growing each one a member at a
        // time rehashed it several times.
        o.reserveCapacity(elements.count)
        for (k, v) in elements { o[k] = v }
        self = .object(o)
    }
}

extension JSONValue {
    /// `.string` of an optional string, or `.null`.
    public static func optional(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
}
