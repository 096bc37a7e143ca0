import HeraldSource
import HeraldYAML

/// Text read from a file together with the way back from offsets in the text to file spans.
///
/// Expressions and templates live inside YAML scalars (with quotes, escapes and indentation) or
/// in whole files (layouts); either way their diagnostics point at the exact bytes in the file.
public struct LocatedText: Sendable {
    public var text: String
    public var file: FileID
    public var map: ScalarSourceMap
    /// The span of the whole text in the file.
    public var span: Span

    public init(text: String, file: FileID, map: ScalarSourceMap, span: Span) {
        self.text = text
        self.file = file
        self.map = map
        self.span = span
    }

    /// Text that is a verbatim slice of a file starting at `offset` (a layout or a whole file).
    public init(verbatim text: String, file: FileID, offset: Int) {
        self.text = text
        self.file = file
        self.map = ScalarSourceMap(base: offset)
        self.span = Span(file: file, start: offset, end: offset + text.utf8.count)
    }

    /// The text of a YAML scalar node.
    public init(scalar: YAMLScalar, node: YAMLNode) {
        self.init(text: scalar.value, file: node.span.file, map: scalar.sourceMap, span: node.span)
    }

    /// The file span of the UTF-8 range `start..<end` of the text.
    public func span(_ start: Int, _ end: Int) -> Span {
        Span(file: file, start: map.sourceOffset(start), end: map.sourceOffset(end))
    }
}
