import HeraldSupport
import Testing

/// SHA-256 and MD5 against published test vectors.
@Suite struct HashTests {
    @Test func sha256Vectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(String(repeating: "a", count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// The hash does not depend on how the bytes are fed: whole blocks straight from the input,
    /// partial blocks buffered, and a non-contiguous sequence all agree with the one-shot vector.
    @Test func sha256InPieces() {
        let text = Array(String(repeating: "The quick brown fox jumps over the lazy dog. ", count: 7).utf8)
        let whole = SHA256.hex(text)
        for split in [0, 1, 55, 56, 63, 64, 65, 127, 128, 200, text.count] {
            var h = SHA256()
            h.update(text[0..<split])
            for chunk in stride(from: split, to: text.count, by: 37) { h.update(text[chunk..<min(chunk + 37, text.count)]) }
            #expect(Hex.encode(h.finalize()) == whole, "split at \(split)")
        }
        var lazy = SHA256()
        lazy.update(text.lazy.map { $0 })
        #expect(Hex.encode(lazy.finalize()) == whole)
        #expect(FNV1a.hex(Array("a".utf8)) == "af63dc4c8601ec8c")
    }

    /// A copy of a hash in progress goes on by itself, and a finished hash starts over.
    @Test func sha256CopiesAndRestarts() {
        var first = SHA256()
        first.update("ab")
        var second = first
        first.update("c")
        second.update("d")
        #expect(Hex.encode(first.finalize()) == SHA256.hex("abc"))
        #expect(Hex.encode(second.finalize()) == SHA256.hex("abd"))
        first.update("abc")
        #expect(Hex.encode(first.finalize()) == SHA256.hex("abc"))
    }

    @Test func md5Vectors() {
        #expect(MD5.hex("") == "d41d8cd98f00b204e9800998ecf8427e")
        #expect(MD5.hex("abc") == "900150983cd24fb0d6963f7d28e17f72")
        #expect(MD5.hex("The quick brown fox jumps over the lazy dog") == "9e107d9d372bb6826bd81d3542a419d6")
        #expect(MD5.hex(String(repeating: "1234567890", count: 8)) == "57edf4a22be3c955ac49da2e2107b67a")
    }
}
