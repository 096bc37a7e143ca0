import HeraldSource

/// A node of a YAML document with the span it was read from.
///
/// Scalars keep their text exactly as written: Herald never applies YAML 1.1 implicit typing
/// (`NO` stays the string "NO"); the syntax phase reads each scalar as its key expects.
public struct YAMLNode: Sendable {
    public enum Content: Sendable {
        case scalar(YAMLScalar)
        case mapping([YAMLPair])
        case sequence([YAMLNode])
    }

    public var content: Content
    public var span: Span

    public init(_ content: Content, span: Span) {
        self.content = content
        self.span = span
    }

    public var scalar: YAMLScalar? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    public var pairs: [YAMLPair]? {
        if case .mapping(let p) = content { return p }
        return nil
    }

    public var items: [YAMLNode]? {
        if case .sequence(let i) = content { return i }
        return nil
    }

    /// "a mapping", "a list" or "a value", for messages.
    public var shapeDescription: String {
        switch content {
        case .scalar(let s): return s.isNull ? "an empty value" : "a single value"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }
}

/// One `key: value` entry of a mapping; keys are always scalars.
public struct YAMLPair: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode

    public var keyText: String { key.scalar?.value ?? "" }
}

/// The text of a scalar, how it was written, and how to map offsets in the text back to the file.
public struct YAMLScalar: Sendable {
    public enum Style: String, Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    public var value: String
    public var style: Style
    /// Maps a UTF-8 offset within `value` to a byte offset in the file.
    public var sourceMap: ScalarSourceMap

    /// A plain scalar that is empty, `~` or `null`: YAML's null, as in `key:` with nothing after it.
    public var isNull: Bool {
        style == .plain && (value.isEmpty || value == "~" || value == "null" || value == "Null" || value == "NULL")
    }

    /// The span of a part of the value, given as UTF-8 offsets into `value`.
    public func span(valueStart: Int, valueEnd: Int, file: FileID) -> Span {
        Span(file: file, start: sourceMap.sourceOffset(valueStart), end: sourceMap.sourceOffset(valueEnd))
    }
}
