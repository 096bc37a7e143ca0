/// The scheme of a URL as RFC 3986 spells it: ASCII letters, digits, `+`, `-` and `.` before the
/// first colon, lower-cased. Read from the bytes: the rules ask for every link of every rendered
/// version, and comparing `Character`s by their Unicode properties cost more than the rest of
/// the AMP link rule.
enum URLScheme {
    /// The lower-cased scheme, or nil when the URL has none (relative, or no valid scheme before a colon).
    static func of(_ url: String) -> String? {
        var text = url
        return text.withUTF8 { bytes -> String? in
            guard let colon = bytes.firstIndex(of: 0x3A), colon > 0 else { return nil }
            var scheme: [UInt8] = []
            scheme.reserveCapacity(colon)
            for b in bytes[..<colon] {
                switch b {
                case 0x41...0x5A: scheme.append(b | 0x20)
                case 0x61...0x7A, 0x30...0x39, 0x2B, 0x2D, 0x2E: scheme.append(b)
                default: return nil
                }
            }
            return String(decoding: scheme, as: UTF8.self)
        }
    }
}
