/// Maps offsets inside a scalar's value to byte offsets in the file.
///
/// For plain scalars and simple quoted ones the value is a verbatim slice of the file and the map
/// is a single base offset. Otherwise (escapes, folded lines, block indentation) the value is
/// aligned with the source once, greedily, and the offsets are stored.
public struct ScalarSourceMap: Sendable {
    private let base: Int
    private let offsets: [UInt32]?

    public init(base: Int) {
        self.base = base
        self.offsets = nil
    }

    init(offsets: [UInt32]) {
        self.base = 0
        self.offsets = offsets
    }

    public func sourceOffset(_ valueOffset: Int) -> Int {
        guard let offsets else { return base + valueOffset }
        if offsets.isEmpty { return base }
        return Int(offsets[min(max(0, valueOffset), offsets.count - 1)])
    }

    /// Aligns `value` with `source[from..<to]`, the bytes the scalar was read from.
    static func build(value: [UInt8], source: [UInt8], from: Int, to: Int) -> ScalarSourceMap {
        let to = min(to, source.count)
        // Fast path: the value appears verbatim right at the start or after one quote/indicator byte.
        for skip in 0...1 where from + skip + value.count <= to {
            if source[(from + skip)..<(from + skip + value.count)].elementsEqual(value) {
                return ScalarSourceMap(base: from + skip)
            }
        }
        var offsets = [UInt32]()
        offsets.reserveCapacity(value.count + 1)
        var p = from
        let window = 256
        for byte in value {
            var q = p
            var found = -1
            while q < to && q < p + window {
                if source[q] == byte { found = q; break }
                // An escaped newline or tab in a double-quoted scalar: `\n`, `\t`.
                if source[q] == UInt8(ascii: "\\"), q + 1 < to {
                    let e = source[q + 1]
                    if (byte == 0x0A && e == UInt8(ascii: "n")) || (byte == 0x09 && e == UInt8(ascii: "t")) {
                        found = q
                        break
                    }
                }
                q += 1
            }
            if found >= 0 {
                offsets.append(UInt32(found))
                p = found + ((source[found] == UInt8(ascii: "\\") && byte != UInt8(ascii: "\\")) ? 2 : 1)
            } else {
                offsets.append(UInt32(min(p, to)))
            }
        }
        offsets.append(UInt32(min(p, to)))
        return ScalarSourceMap(offsets: offsets)
    }
}
