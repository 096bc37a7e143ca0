/// Writing SQL text: escaping without Foundation's `replacingOccurrences`, which costs more than
/// the rest of writing a query (literals are quoted thousands of times per build; identifiers are
/// quoted by `IdentifierQuoting`), and common table expressions (below).
extension String {
    /// Each of the ASCII characters in `escapes` replaced by its replacement; the string itself
    /// when none occurs.
    ///
    /// Bytes, not characters: a quote followed by a combining mark is one `Character` in Swift but
    /// still a quote to every SQL engine, so it must be escaped too. An ASCII byte never occurs
    /// inside a multi-byte UTF-8 sequence, so matching bytes is exact.
    func escaping(_ escapes: KeyValuePairs<Unicode.Scalar, String>) -> String {
        func replacement(_ b: UInt8) -> String? { String.replacement(b, in: escapes) }
        // Read through a buffer: the `utf8` view's iterator asks the string's storage for every byte.
        var text = self
        return text.withUTF8 { u in
            guard let first = u.firstIndex(where: { replacement($0) != nil }) else { return self }
            var out: [UInt8] = []
            out.reserveCapacity(u.count + 8)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: u[..<first]))
            for b in u[first...] {
                if let r = replacement(b) { out += r.utf8 } else { out.append(b) }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The string between two `delimiter`s, its characters in `escapes` replaced: a quoted
    /// literal, written into one allocation. Quoting runs for every literal of every query;
    /// joining three strings allocated twice and copied the text each time.
    func enclosed(in delimiter: Unicode.Scalar, escaping escapes: KeyValuePairs<Unicode.Scalar, String>) -> String {
        func replacement(_ b: UInt8) -> String? { String.replacement(b, in: escapes) }
        let mark = UInt8(delimiter.value)
        var text = self
        return text.withUTF8 { u in
            var length = u.count + 2
            for b in u { if let r = replacement(b) { length += r.utf8.count - 1 } }
            return String(unsafeUninitializedCapacity: length) { out in
                out[0] = mark
                var o = 1
                for b in u {
                    if let r = replacement(b) {
                        for rb in r.utf8 { out[o] = rb; o += 1 }
                    } else {
                        out[o] = b
                        o += 1
                    }
                }
                out[o] = mark
                return o + 1
            }
        }
    }

    /// What replaces an ASCII byte, looked up in place: an array of the bytes, made on every
    /// call, cost more than the scan.
    private static func replacement(_ b: UInt8, in escapes: KeyValuePairs<Unicode.Scalar, String>) -> String? {
        for (scalar, text) in escapes where scalar.value == UInt32(b) { return text }
        return nil
    }
}

extension SQLDialect {
    /// `name AS (` and the lines, each indented by two spaces, then `)`: one common table
    /// expression, written into one allocation. Every scan, rank and results step of every query
    /// is one; indenting each line and joining them copied the text twice more.
    func cte(_ name: String, _ lines: [String]) -> String {
        let quoted = quote(name)
        var out = ""
        out.reserveCapacity(lines.reduce(quoted.utf8.count + 8) { $0 + $1.utf8.count + 3 })
        out += quoted
        out += " AS ("
        for line in lines {
            out += "\n  "
            out += line
        }
        out += "\n)"
        return out
    }
}
