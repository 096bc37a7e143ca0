import HeraldSchema
import HeraldSupport

/// The filters of Herald's Liquid subset, behaving as Shopify Liquid's standard filters do.
public enum LiquidFilters {
    public static func apply(_ name: String, _ input: RuntimeValue, _ args: [RuntimeValue]) -> RuntimeValue {
        let s = input.text
        switch name {
        case "default":
            let fallback = args.first ?? .null
            if case .null = input { return fallback }
            if case .bool(false) = input { return fallback }
            return input.isEmptyValue ? fallback : input
        case "upcase": return .string(s.uppercased())
        case "downcase": return .string(s.lowercased())
        case "capitalize":
            guard let f = s.first else { return .string("") }
            return .string(f.uppercased() + s.dropFirst().lowercased())
        case "strip": return .string(s.trimmed)
        case "append": return .string(s + (args.first?.text ?? ""))
        case "prepend": return .string((args.first?.text ?? "") + s)
        case "replace": return .string(s.replacingOccurrences(of: args[0].text, with: args.count > 1 ? args[1].text : ""))
        case "truncate":
            let n = Int(args.first?.number ?? 50)
            let ellipsis = args.count > 1 ? args[1].text : "..."
            let chars = Array(s)
            if chars.count <= n { return .string(s) }
            let keep = max(0, n - ellipsis.count)
            return .string(String(chars.prefix(keep)) + ellipsis)
        case "truncatewords":
            let n = max(1, Int(args.first?.number ?? 15))
            let ellipsis = args.count > 1 ? args[1].text : "..."
            let words = s.split(whereSeparator: { $0.isWhitespace })
            if words.count <= n { return .string(s) }
            return .string(words.prefix(n).joined(separator: " ") + ellipsis)
        case "size":
            switch input {
            case .array(let a): return .int(Int64(a.count))
            case .string(let str): return .int(Int64(str.count))
            case .null: return .int(0)
            default: return .int(Int64(s.count))
            }
        case "first", "last":
            guard case .array(let a) = input else { return .null }
            return (name == "first" ? a.first : a.last) ?? .null
        case "join":
            guard case .array(let a) = input else { return input }
            return .string(a.map(\.text).joined(separator: args.first?.text ?? " "))
        case "url_encode": return .string(urlEncode(s))
        case "escape": return .string(HTMLEscaping.escape(s))
        case "plus", "minus", "times", "divided_by": return arithmetic(name, input, args.first ?? .null)
        case "round":
            // An integer stays an integer whatever the precision, as in Shopify's Liquid (Ruby's Integer#round).
            if case .int = input { return input }
            guard let x = input.number else { return input }
            let places = Int(args.first?.number ?? 0)
            if places <= 0 { return .int(Int64(roundHalfAway(x))) }
            let f = pow10(places)
            return .double(roundHalfAway(x * f) / f)
        case "money":
            guard let x = input.number else { return .string(s) }
            return .string((args.first?.text ?? "") + money(x))
        case "date":
            return .string(LiquidDate.format(input, args.first?.text ?? ""))
        default:
            return input
        }
    }

    static func pow10(_ n: Int) -> Double {
        var r = 1.0
        for _ in 0..<n { r *= 10 }
        return r
    }

    /// Ruby's Float#round: halves round away from zero.
    static func roundHalfAway(_ x: Double) -> Double { x < 0 ? -(-x + 0.5).rounded(.down) : (x + 0.5).rounded(.down) }

    static func arithmetic(_ op: String, _ a: RuntimeValue, _ b: RuntimeValue) -> RuntimeValue {
        let ai: Int64? = { if case .int(let i) = a { return i }; if case .string(let s) = a { return Int64(s) }; return nil }()
        let bi: Int64? = { if case .int(let i) = b { return i }; if case .string(let s) = b { return Int64(s) }; return nil }()
        if let x = ai, let y = bi {
            switch op {
            case "plus": return .int(x &+ y)
            case "minus": return .int(x &- y)
            case "times": return .int(x &* y)
            default:
                guard y != 0 else { return .null }
                // Ruby's Integer#/ rounds toward negative infinity.
                let q = x / y
                return .int((x % y != 0 && (x < 0) != (y < 0)) ? q - 1 : q)
            }
        }
        guard let x = a.number, let y = b.number else { return .null }
        // Decimal fields are decimals: arithmetic on their decimal digits, so `1249.99 | times: 3`
        // is `3749.97` (binary floating point would print `3749.9700000000003`).
        let dx = Decimal(string: "\(x)") ?? Decimal(x), dy = Decimal(string: "\(y)") ?? Decimal(y)
        let r: Decimal
        switch op {
        case "plus": r = dx + dy
        case "minus": r = dx - dy
        case "times": r = dx * dy
        default:
            guard y != 0 else { return .null }
            r = dx / dy
        }
        return .double(Double("\(r)") ?? x)
    }

    /// `1234.5` → `1,234.50`.
    static func money(_ x: Double) -> String {
        let cents = Int64(roundHalfAway(abs(x) * 100))
        // Written as bytes: this runs for every price of every rendered version, and grouping
        // the digits `Character` by character cost more than the rest of the filters together.
        let digits = Array(String(cents / 100).utf8)
        var out: [UInt8] = []
        out.reserveCapacity(digits.count + digits.count / 3 + 4)
        if x < 0 && cents > 0 { out.append(0x2D) }
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(0x2C) }
            out.append(d)
        }
        let frac = cents % 100
        out += [0x2E, UInt8(0x30 + frac / 10), UInt8(0x30 + frac % 10)]
        return String(decoding: out, as: UTF8.self)
    }

    /// Ruby's `CGI.escape`: letters, digits and `*-._~` kept, space as `+`, the rest `%XX`.
    public static func urlEncode(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "*"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            case UInt8(ascii: " "):
                out += "+"
            default:
                let hex = Array("0123456789ABCDEF")
                out += "%" + String(hex[Int(b >> 4)]) + String(hex[Int(b & 0xF)])
            }
        }
        return out
    }
}

/// HTML escaping of the five significant characters, as Liquid's `escape` filter does.
public enum HTMLEscaping {
    /// Escapes `& < > " '` (they are ASCII, so UTF-8 sequences pass untouched), copying the runs
    /// between them whole; a value with none of them, nearly every one, is returned as is
    /// without allocating.
    public static func escape(_ s: String) -> String {
        var s = s
        return s.withUTF8 { bytes in
            func special(_ b: UInt8) -> Bool { b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27 }
            guard let first = bytes.firstIndex(where: special) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            // The runs between special bytes are copied whole.
            var run = 0
            for i in first..<bytes.count where special(bytes[i]) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                switch bytes[i] {
                case 0x26: out += "&amp;".utf8
                case 0x3C: out += "&lt;".utf8
                case 0x3E: out += "&gt;".utf8
                case 0x22: out += "&quot;".utf8
                default: out += "&#39;".utf8
                }
                run = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
            return String(decoding: out, as: UTF8.self)
        } ?? s
    }

    static let allowedSchemes: [StaticString] = ["https:", "http:", "mailto:", "tel:"]

    /// The value of a URL attribute start: kept when its scheme is allowed, replaced otherwise.
    public static func safeURL(_ s: String) -> String {
        // Nearly every value starts with its scheme: answered from the bytes, without copies.
        if let first = s.utf8.first, first > 0x20, first < 0x80 {
            return allowedSchemes.contains(where: s.hasASCIIPrefixIgnoringCase) ? s : "about:invalid#herald"
        }
        let trimmed = s.drop { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 } == true }
        let lower = trimmed.lowercased()
        for scheme in allowedSchemes where lower.hasPrefix(scheme.description) { return String(trimmed) }
        return "about:invalid#herald"
    }
}

import Foundation
