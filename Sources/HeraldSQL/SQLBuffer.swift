/// SQL text being written: bytes appended to one growing buffer, identifiers quoted as they are
/// written.
///
/// A build writes two or three queries per campaign in seven dialects. Composed from
/// interpolations and joined lines, each piece of text was its own string, copied again into
/// every string that held it: about 120 instructions per byte of SQL, a fifth of `herald build`.
/// Appending each piece once to one buffer halved that; what is left is mostly the dialects'
/// small hooks, which still return text.
public struct SQLBuffer {
    private var bytes: [UInt8] = []
    private let quoting: IdentifierQuoting

    public init(_ dialect: any SQLDialect, capacity: Int = 2048) {
        quoting = dialect.identifierQuoting
        bytes.reserveCapacity(capacity)
    }

    /// The text written so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends text as it is (keywords, punctuation, SQL another writer made).
    public mutating func add(_ text: String) {
        // Through a buffer: appending the `utf8` view copies it through a slower generic path.
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends several pieces of text in turn: `out.add(time, " <= ", asOf)`.
    public mutating func add(_ first: String, _ second: String, _ more: String...) {
        add(first)
        add(second)
        for text in more { add(text) }
    }

    /// Appends text the generator spells out.
    public mutating func add(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends `identifier` quoted, its delimiters escaped.
    public mutating func name(_ identifier: String) {
        var identifier = identifier
        // Read through a buffer: the `utf8` view's iterator asks the string's storage for every byte.
        identifier.withUTF8 { u in
            let (d, e) = (quoting.delimiter, quoting.escape)
            bytes.append(d)
            if quoting.escapes(in: u) == 0 {
                bytes.append(contentsOf: u)
            } else {
                for b in u {
                    if b == d || b == e { bytes.append(e) }
                    bytes.append(b)
                }
            }
            bytes.append(d)
        }
    }

    /// Appends `qualifier.column`, both quoted: a column of a common table expression.
    public mutating func name(_ qualifier: String, _ column: String) {
        name(qualifier)
        bytes.append(UInt8(ascii: "."))
        name(column)
    }

    /// Appends `alias.column`, the column quoted: a column of a table the query names by a short
    /// alias of its own (`c` for the customers, `e` for events), which needs no quotes.
    public mutating func field(_ alias: StaticString, _ column: String) {
        add(alias)
        bytes.append(UInt8(ascii: "."))
        name(column)
    }

    /// Appends `alias.column AS name`, the column and the name quoted.
    public mutating func field(_ alias: StaticString, _ column: String, as name: String) {
        field(alias, column)
        add(" AS ")
        self.name(name)
    }

    /// Appends `WITH`, the common table expressions separated by commas, and a line break; nothing
    /// without any.
    public mutating func addWith(_ ctes: [String]) {
        guard !ctes.isEmpty else { return }
        add("WITH ")
        add(ctes, separator: ",\n")
        add("\n")
    }

    /// Appends the dialect's line after every query (ClickHouse's settings), when it has one.
    public mutating func addQuerySuffix(_ dialect: any SQLDialect) {
        if !dialect.querySuffix.isEmpty { add(dialect.querySuffix, "\n") }
    }

    /// Appends `items`, with `separator` between them.
    public mutating func add(_ items: [String], separator: String) {
        for (i, item) in items.enumerated() {
            if i > 0 { add(separator) }
            add(item)
        }
    }
}

/// How a dialect quotes identifiers: the delimiter on both sides, and the byte written before a
/// delimiter (or before the escape byte itself) inside the name.
public struct IdentifierQuoting: Sendable {
    public let delimiter: UInt8
    public let escape: UInt8

    /// `identifier` quoted, in one allocation (none for a short name).
    func quoted(_ identifier: String) -> String {
        var identifier = identifier
        return identifier.withUTF8 { u in
            String(unsafeUninitializedCapacity: u.count + escapes(in: u) + 2) { out in
                out[0] = delimiter
                var o = 1
                for b in u {
                    if b == delimiter || b == escape {
                        out[o] = escape
                        o += 1
                    }
                    out[o] = b
                    o += 1
                }
                out[o] = delimiter
                return o + 1
            }
        }
    }

    /// How many bytes of a name need the escape byte before them.
    func escapes(in name: UnsafeBufferPointer<UInt8>) -> Int {
        var n = 0
        for b in name where b == delimiter || b == escape { n += 1 }
        return n
    }

    /// `"name"`, an inner `"` doubled: standard SQL.
    public static let doubleQuotes = IdentifierQuoting(delimiter: UInt8(ascii: "\""), escape: UInt8(ascii: "\""))
    /// `` `name` ``, an inner `` ` `` doubled (Spark SQL).
    public static let backticks = IdentifierQuoting(delimiter: UInt8(ascii: "`"), escape: UInt8(ascii: "`"))
    /// `` `name` ``, an inner `` ` `` or `\` escaped by a backslash (BigQuery, ClickHouse).
    public static let backticksWithBackslash = IdentifierQuoting(delimiter: UInt8(ascii: "`"), escape: UInt8(ascii: "\\"))
}
