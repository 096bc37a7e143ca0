/// Identifies one source file registered with a `SourceManager`.
public struct FileID: Hashable, Comparable, Sendable {
    public let index: UInt32

    public init(_ index: UInt32) { self.index = index }

    public static func < (lhs: FileID, rhs: FileID) -> Bool { lhs.index < rhs.index }
}

/// A half-open range of UTF-8 bytes in one source file.
///
/// Spans are what every phase keeps; line and column exist only when a span is displayed
/// (see `SourceFile.location(of:)`).
public struct Span: Hashable, Sendable {
    public var file: FileID
    public var start: UInt32
    public var end: UInt32

    public init(file: FileID, start: UInt32, end: UInt32) {
        self.file = file
        self.start = start
        self.end = max(start, end)
    }

    public init(file: FileID, start: Int, end: Int) {
        self.init(file: file, start: UInt32(clamping: start), end: UInt32(clamping: end))
    }

    public var length: Int { Int(end - start) }

    /// The smallest span covering both; the file of `self` wins when they differ.
    public func union(_ other: Span) -> Span {
        guard other.file == file else { return self }
        return Span(file: file, start: min(start, other.start), end: max(end, other.end))
    }

    /// A span of `length` bytes starting `offset` bytes after this span's start.
    public func subspan(offset: Int, length: Int) -> Span {
        let s = Int(start) + offset
        return Span(file: file, start: s, end: s + length)
    }

    /// An empty span at this span's end: where a missing token would go.
    public var endPoint: Span { Span(file: file, start: end, end: end) }
}

/// A value together with the span it was read from.
public struct Located<Value> {
    public var value: Value
    public var span: Span

    public init(_ value: Value, _ span: Span) {
        self.value = value
        self.span = span
    }
}

extension Located: Sendable where Value: Sendable {}
extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
