import HeraldSource

/// One token of the expression language; `text` is the exact source slice.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case identifier
        case integer
        case decimal
        case duration
        case string
        case symbol
        case end
        /// A character or sequence no token starts with; the lexer's diagnostic explains it.
        case invalid
    }

    public var kind: Kind
    /// Source text, or for strings the unescaped value.
    public var text: String
    /// UTF-8 offsets within the expression text.
    public var start: Int
    public var end: Int

    public func isSymbol(_ s: String) -> Bool { kind == .symbol && text == s }
    public func isKeyword(_ s: String) -> Bool { kind == .identifier && text == s }
}

/// Reserved words of the expression language.
public enum Keywords {
    public static let all: Set<String> = [
        "and", "or", "not", "in", "is", "null", "true", "false", "where", "within", "contains", "starts_with",
    ]
}
