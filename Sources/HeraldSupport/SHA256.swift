import CLibCrypto

/// SHA-256 (FIPS 180-4), used for content hashes in bundles and caches.
///
/// libcrypto's digest, which uses the processor's SHA instructions where it has them: a build
/// hashes every byte of the bundle (each file's hash in the manifest), hundreds of megabytes for
/// a large project, and a portable implementation made that a tenth of `build`.
/// A copy of a hash in progress continues on its own (the context is copied when shared).
public struct SHA256 {
    private var context: DigestContext

    public init() { context = DigestContext() }

    public mutating func update<S: Sequence>(_ data: S) where S.Element == UInt8 {
        if data.withContiguousStorageIfAvailable({ update(buffer: UnsafeRawBufferPointer($0)) }) != nil { return }
        Array(data).withUnsafeBytes { update(buffer: $0) }
    }

    public mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { update(buffer: UnsafeRawBufferPointer($0)) }
    }

    private mutating func update(buffer data: UnsafeRawBufferPointer) {
        if !isKnownUniquelyReferenced(&context) { context = context.copy() }
        guard let base = data.baseAddress, data.count > 0 else { return }
        context.update(base, data.count)
    }

    /// The 32-byte digest; the hash starts over afterwards.
    public mutating func finalize() -> [UInt8] {
        if !isKnownUniquelyReferenced(&context) { context = context.copy() }
        return context.finalize()
    }

    /// Lower-case hexadecimal SHA-256 of bytes.
    public static func hex<S: Sequence>(_ data: S) -> String where S.Element == UInt8 {
        var h = SHA256()
        h.update(data)
        return Hex.encode(h.finalize())
    }

    public static func hex(_ text: String) -> String { hex(text.utf8) }
}

/// Owns one libcrypto digest context. libcrypto reports failure only when memory runs out or
/// the library is broken, neither of which a hash can recover from, so those stop the process.
private final class DigestContext {
    private let pointer: OpaquePointer

    init() {
        guard let p = EVP_MD_CTX_new(), EVP_DigestInit_ex(p, EVP_sha256(), nil) == 1 else { fatalError("libcrypto cannot start a SHA-256 digest") }
        pointer = p
    }

    private init(copying other: DigestContext) {
        guard let p = EVP_MD_CTX_new(), EVP_MD_CTX_copy_ex(p, other.pointer) == 1 else { fatalError("libcrypto cannot copy a SHA-256 digest") }
        pointer = p
    }

    deinit { EVP_MD_CTX_free(pointer) }

    func copy() -> DigestContext { DigestContext(copying: self) }

    func update(_ bytes: UnsafeRawPointer, _ count: Int) {
        guard EVP_DigestUpdate(pointer, bytes, count) == 1 else { fatalError("libcrypto cannot update a SHA-256 digest") }
    }

    func finalize() -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        guard EVP_DigestFinal_ex(pointer, &out, &length) == 1, length == 32, EVP_DigestInit_ex(pointer, EVP_sha256(), nil) == 1
        else { fatalError("libcrypto cannot finish a SHA-256 digest") }
        return out
    }
}

/// Lower-case hexadecimal text of bytes.
public enum Hex {
    public static func encode(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
