/// Whitespace trimming in pure Swift.
///
/// Foundation's `trimmingCharacters(in:)` bridges through `NSString` and UTF-16 on Linux, which
/// made it the largest single cost of validating rendered email (every link and image URL is
/// trimmed). These work on Unicode scalars, with the same meaning as `.whitespaces` (spaces and
/// tabs) and `.whitespacesAndNewlines` (every scalar with the Unicode `White_Space` property).
extension StringProtocol {
    /// The text without leading and trailing whitespace and newlines.
    public var trimmed: String {
        String(Substring(trimming(Self.isWhitespace)))
    }

    /// The text without leading and trailing spaces and tabs (line breaks are kept).
    public var trimmedOfSpaces: String {
        String(Substring(trimming { Self.isWhitespace($0) && !Self.isNewline($0) }))
    }

    /// Whether the text is empty or only whitespace and newlines.
    public var isBlank: Bool {
        unicodeScalars.allSatisfy(Self.isWhitespace)
    }

    /// Unicode's `White_Space`, answered without the property tables for ASCII (nearly every
    /// scalar a rendered email has).
    private static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value == 0x20 || (s.value >= 0x09 && s.value <= 0x0D) }
        return s.properties.isWhitespace
    }

    private static func isNewline(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    private func trimming(_ drop: (Unicode.Scalar) -> Bool) -> Substring.UnicodeScalarView {
        let scalars = Substring(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !drop($0) }) else { return scalars[scalars.endIndex...] }
        let last = scalars.lastIndex(where: { !drop($0) })!
        return scalars[first...last]
    }
}

extension String {
    /// The text without leading and trailing whitespace and newlines; the string itself when it
    /// starts and ends with visible ASCII, as nearly every value does (every URL of every
    /// rendered version is trimmed), so no new string is made.
    public var trimmed: String {
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return self }
        return Substring(self).trimmed
    }
}
