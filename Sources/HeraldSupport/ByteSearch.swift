import Foundation

/// Searching and comparing bytes through libc: `memchr` and `memcmp` read tens of bytes a cycle,
/// where a loop over elements (or a `String` view) reads one. Parsers and validation scan
/// templates and rendered documents of tens of kilobytes many times per campaign. Inlinable, since
/// a call across modules for each hit cost more than the search.
extension UnsafeBufferPointer where Element == UInt8 {
    /// Where `byte` next stands at or after `start`, or nil.
    @inlinable public func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        guard start >= 0, start < count, let base = baseAddress, let hit = memchr(base + start, Int32(byte), count - start) else { return nil }
        return UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base
    }

    /// Where `needle` next occurs at or after `start`, or nil: `memchr` to each place its first
    /// byte stands, the rest compared in place.
    @inlinable public func firstIndex(of needle: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = needle.first else { return start >= 0 && start <= count ? start : nil }
        var j = start
        while j + needle.count <= count, let at = firstIndex(of: first, from: j) {
            guard at + needle.count <= count else { return nil }
            var k = 1
            while k < needle.count && self[at + k] == needle[k] { k += 1 }
            if k == needle.count { return at }
            j = at + 1
        }
        return nil
    }
}

extension Array where Element == UInt8 {
    /// Where `byte` next stands at or after `start`, or nil.
    @inlinable public func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        withUnsafeBufferPointer { $0.firstIndex(of: byte, from: start) }
    }

    /// Where `needle` next occurs at or after `start`, or nil.
    @inlinable public func firstIndex(of needle: [UInt8], from start: Int) -> Int? {
        withUnsafeBufferPointer { hay in needle.withUnsafeBufferPointer { hay.firstIndex(of: $0, from: start) } }
    }

    /// Where the ASCII text `needle` next occurs at or after `start`, or nil.
    @inlinable public func firstIndex(of needle: StaticString, from start: Int) -> Int? {
        withUnsafeBufferPointer { $0.firstIndex(of: UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount), from: start) }
    }

    /// Whether both hold the same bytes.
    @inlinable public func hasSameBytes(as other: [UInt8]) -> Bool {
        count == other.count && withUnsafeBytes { a in other.withUnsafeBytes { b in a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 } }
    }
}

extension String {
    /// Whether both strings hold the same UTF-8 bytes: `==` compares Unicode canonical
    /// equivalence, which over a 60 KB document costs far more.
    @inlinable public func hasSameUTF8(as other: String) -> Bool {
        var a = self, b = other
        return a.withUTF8 { p in b.withUTF8 { q in p.count == q.count && (p.isEmpty || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0) } }
    }
}
