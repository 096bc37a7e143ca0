extension SQLDialect {
    /// Whether the query uses the `as_of` placeholder as a parameter: found outside string
    /// literals, quoted identifiers and comments, so that a campaign's literal `"$1"` never makes
    /// a send system bind a parameter the query does not have.
    public func usesParameter(_ sql: String) -> Bool {
        let needle = Array(parameter.placeholder.utf8)
        guard !needle.isEmpty else { return false }
        // Read in place: a build asks this of every query it writes.
        var sql = sql
        return sql.withUTF8 { usesParameter(bytes: $0, needle: needle) }
    }

    private func usesParameter(bytes: UnsafeBufferPointer<UInt8>, needle: [UInt8]) -> Bool {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case 0x27, 0x22, 0x60:   // ' " `
                i += 1
                while i < bytes.count {
                    if backslashEscapes && b == 0x27 && bytes[i] == 0x5C { i += 2; continue }
                    if bytes[i] == b {
                        if i + 1 < bytes.count && bytes[i + 1] == b { i += 2; continue }   // a doubled quote
                        break
                    }
                    i += 1
                }
                i += 1
            case 0x2D where i + 1 < bytes.count && bytes[i + 1] == 0x2D:   // -- comment
                while i < bytes.count && bytes[i] != 0x0A { i += 1 }
            case 0x2F where i + 1 < bytes.count && bytes[i + 1] == 0x2A:   // /* comment */
                i += 2
                while i + 1 < bytes.count && !(bytes[i] == 0x2A && bytes[i + 1] == 0x2F) { i += 1 }
                i += 2
            default:
                if b == needle[0], i + needle.count <= bytes.count, bytes[i..<(i + needle.count)].elementsEqual(needle) {
                    // `$1` must not be the start of `$10`; named placeholders must end at a non-name character.
                    let next = i + needle.count < bytes.count ? bytes[i + needle.count] : 0x20
                    let continuesName = (next >= 0x30 && next <= 0x39) || (next >= 0x41 && next <= 0x5A) || (next >= 0x61 && next <= 0x7A) || next == 0x5F
                    if !continuesName || needle.last == 0x29 || needle.last == 0x7D { return true }
                }
                i += 1
            }
        }
        return false
    }
}
