internal import CYAML

/// The only code that touches libyaml: owns one `yaml_parser_t`, feeds it the file's bytes, and
/// turns each C event into a Swift `YAMLEvent` with byte offsets. No C type leaves this file.
final class LibYAMLParser {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeMutableBufferPointer<UInt8>
    private var offsets: CharacterOffsets
    private var finished = false

    init(bytes: [UInt8]) {
        parser = .allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        // The parser keeps a pointer to its input, so the bytes live in a buffer this object owns.
        input = .allocate(capacity: max(1, bytes.count))
        _ = input.initialize(from: bytes)
        offsets = CharacterOffsets(bytes: bytes)
        yaml_parser_initialize(parser)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, input.baseAddress, bytes.count)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deinitialize(count: 1)
        parser.deallocate()
        input.deallocate()
    }

    /// The next event, or nil after the end of the stream.
    func next() -> YAMLEvent? {
        if finished { return nil }
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else {
            finished = true
            return .failure(failure())
        }
        defer { yaml_event_delete(&event) }
        let start = offsets.byteOffset(ofCharacter: Int(event.start_mark.index))
        let end = offsets.byteOffset(ofCharacter: Int(event.end_mark.index))
        switch event.type {
        case YAML_STREAM_END_EVENT:
            finished = true
            return nil
        case YAML_DOCUMENT_START_EVENT:
            return .documentStart(start: start, end: end)
        case YAML_DOCUMENT_END_EVENT:
            return .documentEnd
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            let value = Array(UnsafeBufferPointer(start: s.value, count: s.length))
            return .scalar(YAMLEvent.Scalar(
                value: value, style: style(s.style), anchor: text(s.anchor), tag: text(s.tag), start: start, end: end))
        case YAML_SEQUENCE_START_EVENT:
            let s = event.data.sequence_start
            return .sequenceStart(anchor: text(s.anchor), tag: text(s.tag), start: start)
        case YAML_SEQUENCE_END_EVENT:
            return .sequenceEnd(end: end)
        case YAML_MAPPING_START_EVENT:
            let m = event.data.mapping_start
            return .mappingStart(anchor: text(m.anchor), tag: text(m.tag), start: start)
        case YAML_MAPPING_END_EVENT:
            return .mappingEnd(end: end)
        case YAML_ALIAS_EVENT:
            return .alias(anchor: text(event.data.alias.anchor) ?? "", start: start, end: end)
        default:
            return .documentEnd
        }
    }

    private func text(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let p else { return nil }
        return String(cString: p)
    }

    private func style(_ s: yaml_scalar_style_t) -> YAMLScalar.Style {
        switch s {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }

    private func failure() -> YAMLEvent.Failure {
        let p = parser.pointee
        let problem = p.problem.map { String(cString: $0) } ?? "unknown error"
        let context = p.context.map { String(cString: $0) }
        let offset: Int
        if p.error == YAML_READER_ERROR {
            // Reader errors carry a byte offset rather than a mark.
            offset = Int(p.problem_offset)
        } else {
            offset = offsets.byteOffset(ofCharacter: Int(p.problem_mark.index))
        }
        let contextOffset = context == nil ? nil : offsets.byteOffset(ofCharacter: Int(p.context_mark.index))
        return YAMLEvent.Failure(problem: problem, offset: offset, context: context, contextOffset: contextOffset,
                                 isReaderError: p.error == YAML_READER_ERROR)
    }
}

/// A libyaml event translated into Swift, with byte offsets into the file.
enum YAMLEvent {
    struct Scalar {
        var value: [UInt8]
        var style: YAMLScalar.Style
        var anchor: String?
        var tag: String?
        var start: Int
        var end: Int
    }

    struct Failure {
        var problem: String
        var offset: Int
        var context: String?
        var contextOffset: Int?
        var isReaderError: Bool
    }

    case documentStart(start: Int, end: Int)
    case documentEnd
    case scalar(Scalar)
    case sequenceStart(anchor: String?, tag: String?, start: Int)
    case sequenceEnd(end: Int)
    case mappingStart(anchor: String?, tag: String?, start: Int)
    case mappingEnd(end: Int)
    case alias(anchor: String, start: Int, end: Int)
    case failure(Failure)
}

/// The cost floor of reading YAML: libyaml's event parser over the bytes, each event freed at once,
/// nothing converted (the compiler benchmark's baseline).
public enum YAMLParseFloor {
    /// The number of events in the bytes (parsing stops at the first error).
    public static func events(_ bytes: [UInt8]) -> Int {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return 0 }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeBufferPointer { buf -> Int in
            yaml_parser_set_input_string(&parser, buf.baseAddress, buf.count)
            var count = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return count }
                let end = event.type == YAML_STREAM_END_EVENT
                yaml_event_delete(&event)
                count += 1
                if end { return count }
            }
        }
    }
}

