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

    /// A multiply-rotate hash over four independent lanes of eight bytes: a key only buckets its
    /// value, so it needs spread, not SipHash's strength, and four lanes keep the multiplier busy
    /// where one chain waited on each product.
    public static func fingerprint(_ bytes: UnsafeRawBufferPointer) -> Int {
        let m: UInt64 = 0xFF51_AFD7_ED55_8CCD
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count), 0x6A09_E667_F3BC_C908,
                                                       0xBB67_AE85_84CA_A73B, 0x3C6E_F372_FE94_F82B)
        func mix(_ h: UInt64, _ word: UInt64) -> UInt64 {
            let p = (h ^ word) &* m
            return (p << 29) | (p >> 35)
        }
        var i = 0
        while i + 32 <= bytes.count {
            lanes.0 = mix(lanes.0, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            lanes.1 = mix(lanes.1, bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
            lanes.2 = mix(lanes.2, bytes.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
            lanes.3 = mix(lanes.3, bytes.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
            i += 32
        }
        var h = mix(mix(mix(lanes.0, lanes.1), lanes.2), lanes.3)
        while i + 8 <= bytes.count {
            h = mix(h, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
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
        a.fingerprint == b.fingerprint && a.bytes.hasSameBytes(as: b.bytes)
    }
    public func hash(into h: inout Hasher) { h.combine(fingerprint) }
}
