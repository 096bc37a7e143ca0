/// Converts libyaml's character indexes into UTF-8 byte offsets.
///
/// libyaml counts characters, not bytes (a leading byte order mark counts as one character).
/// Marks arrive almost in order, so a cursor that walks forward (or back) from the last answer
/// makes the conversion linear in the file size overall.
struct CharacterOffsets {
    private let bytes: [UInt8]
    private let origin = 0
    private var charIndex = 0
    private var byteOffset = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func byteOffset(ofCharacter target: Int) -> Int {
        if target < charIndex - target {
            charIndex = 0
            byteOffset = origin
        }
        while charIndex < target && byteOffset < bytes.count {
            byteOffset += width(bytes[byteOffset])
            charIndex += 1
        }
        while charIndex > target && byteOffset > origin {
            byteOffset -= 1
            while byteOffset > origin && bytes[byteOffset] & 0xC0 == 0x80 { byteOffset -= 1 }
            charIndex -= 1
        }
        return min(byteOffset, bytes.count)
    }

    private func width(_ lead: UInt8) -> Int {
        switch lead {
        case 0..<0x80: return 1
        case 0xC0..<0xE0: return 2
        case 0xE0..<0xF0: return 3
        case 0xF0...0xFF: return 4
        default: return 1
        }
    }
}
