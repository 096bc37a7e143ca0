extension UInt8 {
    /// The byte with an ASCII capital letter lowered and every other byte as it is: HTML and CSS
    /// names compare without regard to ASCII case, byte by byte, without building strings.
    public var asciiLowercased: UInt8 { self >= 0x41 && self <= 0x5A ? self | 0x20 : self }
}
