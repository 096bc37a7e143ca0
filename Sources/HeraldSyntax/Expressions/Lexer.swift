import HeraldSource

/// Splits expression text into tokens. Errors become `.invalid` tokens with a message; the parser
/// reports them, so a single place decides what the user sees.
struct Lexer {
    struct Problem {
        var start: Int
        var end: Int
        var message: String
        var help: String?
    }

    private let bytes: [UInt8]
    private var i = 0
    private(set) var problems: [Problem] = []

    init(_ text: String) { bytes = Array(text.utf8) }

    static let symbols: [String] = ["==", "!=", "<=", ">=", "??", "<", ">", "+", "-", "*", "/", "%", "(", ")", "[", "]", ",", "."]

    mutating func tokenize() -> [Token] {
        var tokens: [Token] = []
        while true {
            let t = next()
            tokens.append(t)
            if t.kind == .end { break }
        }
        return tokens
    }

    private func isIdentStart(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F }
    private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    private mutating func skipTrivia() {
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { i += 1; continue }
            if b == UInt8(ascii: "#") {
                while i < bytes.count && bytes[i] != 0x0A && bytes[i] != 0x0D { i += 1 }
                continue
            }
            break
        }
    }

    private func text(_ s: Int, _ e: Int) -> String { String(decoding: bytes[s..<e], as: UTF8.self) }

    private mutating func next() -> Token {
        skipTrivia()
        let start = i
        guard i < bytes.count else { return Token(kind: .end, text: "", start: i, end: i) }
        let b = bytes[i]
        if isIdentStart(b) {
            while i < bytes.count && (isIdentStart(bytes[i]) || isDigit(bytes[i])) { i += 1 }
            return Token(kind: .identifier, text: text(start, i), start: start, end: i)
        }
        if isDigit(b) { return number(start) }
        if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") { return string(start, quote: b) }
        for s in Lexer.symbols where matches(s) {
            i += s.utf8.count
            return Token(kind: .symbol, text: s, start: start, end: i)
        }
        // Single characters people reach for by habit from other languages.
        let (message, help): (String, String?)
        switch b {
        case UInt8(ascii: "="):
            i += 1
            (message, help) = ("`=` is not an operator in Herald expressions.", "Use `==` to compare.")
        case UInt8(ascii: "&"), UInt8(ascii: "|"):
            let doubled = i + 1 < bytes.count && bytes[i + 1] == b
            i += doubled ? 2 : 1
            let word = b == UInt8(ascii: "&") ? "and" : "or"
            (message, help) = ("`\(text(start, i))` is not an operator in Herald expressions.", "Use `\(word)`.")
        case UInt8(ascii: "!"):
            i += 1
            (message, help) = ("`!` is not an operator in Herald expressions.", "Use `not`.")
        default:
            // Consume one whole UTF-8 scalar so the message can name it.
            i += 1
            while i < bytes.count && bytes[i] & 0xC0 == 0x80 { i += 1 }
            let ch = text(start, i)
            let confusable = Confusables.ascii(for: ch)
            (message, help) = ("The character `\(ch)` cannot appear in an expression.",
                               confusable.map { "It looks like `\($0)`; type that instead." })
        }
        problems.append(Problem(start: start, end: i, message: message, help: help))
        return Token(kind: .invalid, text: text(start, i), start: start, end: i)
    }

    private func matches(_ s: String) -> Bool {
        var j = i
        for c in s.utf8 {
            guard j < bytes.count, bytes[j] == c else { return false }
            j += 1
        }
        return true
    }

    private mutating func number(_ start: Int) -> Token {
        while i < bytes.count && isDigit(bytes[i]) { i += 1 }
        if i + 1 < bytes.count && bytes[i] == UInt8(ascii: ".") && isDigit(bytes[i + 1]) {
            i += 1
            while i < bytes.count && isDigit(bytes[i]) { i += 1 }
            if i < bytes.count && isIdentStart(bytes[i]) { return badSuffix(start) }
            return Token(kind: .decimal, text: text(start, i), start: start, end: i)
        }
        if i < bytes.count && isIdentStart(bytes[i]) {
            let unitStart = i
            while i < bytes.count && (isIdentStart(bytes[i]) || isDigit(bytes[i])) { i += 1 }
            let unit = text(unitStart, i)
            if ["m", "h", "d", "w"].contains(unit) {
                return Token(kind: .duration, text: text(start, i), start: start, end: i)
            }
            i = unitStart
            return badSuffix(start)
        }
        return Token(kind: .integer, text: text(start, i), start: start, end: i)
    }

    private mutating func badSuffix(_ start: Int) -> Token {
        while i < bytes.count && (isIdentStart(bytes[i]) || isDigit(bytes[i])) { i += 1 }
        let t = text(start, i)
        problems.append(Problem(start: start, end: i, message: "`\(t)` is not a number or a duration.",
                                help: "Durations are a whole number and a unit: `m` (minutes), `h` (hours), `d` (days) or `w` (weeks), as in `48h`."))
        return Token(kind: .invalid, text: t, start: start, end: i)
    }

    private mutating func string(_ start: Int, quote: UInt8) -> Token {
        i += 1
        var value: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            if b == quote {
                i += 1
                return Token(kind: .string, text: String(decoding: value, as: UTF8.self), start: start, end: i)
            }
            if b == 0x0A || b == 0x0D { break }
            if b == UInt8(ascii: "\\") && i + 1 < bytes.count {
                let e = bytes[i + 1]
                switch e {
                case UInt8(ascii: "n"): value.append(0x0A)
                case UInt8(ascii: "t"): value.append(0x09)
                case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"): value.append(e)
                default:
                    problems.append(Problem(start: i, end: i + 2, message: "`\\\(text(i + 1, i + 2))` is not an escape sequence.",
                                            help: "Strings know `\\\"`, `\\'`, `\\\\`, `\\n` and `\\t`."))
                    value.append(e)
                }
                i += 2
                continue
            }
            value.append(b)
            i += 1
        }
        problems.append(Problem(start: start, end: i, message: "The string is never closed.",
                                help: "Add the closing `\(quote == UInt8(ascii: "\"") ? "\"" : "'")` on the same line."))
        return Token(kind: .invalid, text: text(start, i), start: start, end: i)
    }
}
