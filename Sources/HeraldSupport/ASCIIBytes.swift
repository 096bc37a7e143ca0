extension UInt8 {
    /// The byte with an ASCII capital letter lowered and every other byte as it is: HTML and CSS
    /// names compare without regard to ASCII case, byte by byte, without building strings.
    public var asciiLowercased: UInt8 { self >= 0x41 && self <= 0x5A ? self | 0x20 : self }
}

extension String {
    /// Whether the text starts with `prefix` (lower-case ASCII), ignoring ASCII case: compared
    /// byte by byte in place, without a lower-cased copy.
    public func hasASCIIPrefixIgnoringCase(_ prefix: StaticString) -> Bool {
        var text = self
        return text.withUTF8 { bytes in
            prefix.withUTF8Buffer { p in
                guard bytes.count >= p.count else { return false }
                for i in 0..<p.count where bytes[i].asciiLowercased != p[i] { return false }
                return true
            }
        }
    }
}
