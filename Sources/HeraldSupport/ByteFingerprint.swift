import Foundation

/// Bytes as a dictionary key that hashes a fingerprint computed once, not every byte through
/// `Hasher` (which takes an `[UInt8]` one element at a time: keying 60 KB documents that way was
/// a fifth of a check's instructions). Equal fingerprints still compare the whole bytes.
public struct FingerprintedBytes: Hashable, Sendable {
    public let bytes: [UInt8]
    public let fingerprint: Int

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        fingerprint = bytes.withUnsafeBytes(FingerprintedBytes.fingerprint)
    }

    /// A multiply-rotate hash eight bytes at a time: a key only buckets its value, so it needs
    /// spread, not SipHash's strength.
    public static func fingerprint(_ bytes: UnsafeRawBufferPointer) -> Int {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var i = 0
        while i + 8 <= bytes.count {
            h = (h ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h = (h << 29) | (h >> 35)
            i += 8
        }
        while i < bytes.count {
            h = (h ^ UInt64(bytes[i])) &* 0xC4CE_B9FE_1A85_EC53
            i += 1
        }
        return Int(truncatingIfNeeded: h ^ (h >> 32))
    }

    /// Compared with `memcmp`: `[UInt8] ==` goes element by element.
    public static func == (a: Self, b: Self) -> Bool {
        guard a.fingerprint == b.fingerprint, a.bytes.count == b.bytes.count else { return false }
        return a.bytes.withUnsafeBytes { x in
            b.bytes.withUnsafeBytes { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
        }
    }
    public func hash(into h: inout Hasher) { h.combine(fingerprint) }
}
