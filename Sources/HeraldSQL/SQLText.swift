/// String escaping for SQL text without Foundation's `replacingOccurrences`, which costs more than
/// the rest of writing a query (identifiers and literals are quoted thousands of times per build).
extension String {
    /// Each of the ASCII characters in `escapes` replaced by its replacement; the string itself
    /// when none occurs.
    ///
    /// Bytes, not characters: a quote followed by a combining mark is one `Character` in Swift but
    /// still a quote to every SQL engine, so it must be escaped too. An ASCII byte never occurs
    /// inside a multi-byte UTF-8 sequence, so matching bytes is exact.
    func escaping(_ escapes: KeyValuePairs<Unicode.Scalar, String>) -> String {
        // Looked up in place: an array of the bytes, made on every call, cost more than the scan.
        func replacement(_ b: UInt8) -> String? {
            for (scalar, text) in escapes where scalar.value == UInt32(b) { return text }
            return nil
        }
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
}
