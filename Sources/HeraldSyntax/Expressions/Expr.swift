import HeraldSource

/// A located expression of the audience language, as written (names not yet resolved).
public struct Expr: Sendable, Hashable {
    public indirect enum Kind: Sendable, Hashable {
        case integer(Int64)
        /// Kept as written so SQL literals reproduce the marketer's digits exactly.
        case decimal(String)
        case string(String)
        case bool(Bool)
        case null
        case duration(Interval)
        /// `customer.first_name`, `event.category`, `segment.loyal`, `as_of`, `rec.name`.
        case path([Located<String>])
        case list([Expr])
        case unary(UnaryOperator, Expr)
        /// `and`/`or` chains are flat so that 100,000-term rules never nest deeply.
        case logical(LogicalOperator, [Expr])
        case binary(BinaryOperator, Expr, Expr)
        /// `x in [..]` / `x not in [..]`.
        case membership(Expr, Expr, negated: Bool)
        /// `x is null` / `x is not null`.
        case nullTest(Expr, negated: Bool)
        case call(Located<String>, [Expr])
        case aggregate(AggregateSyntax)
        /// Stands in for a part that failed to parse; its diagnostic was already reported.
        case invalid
    }

    public var kind: Kind
    public var span: Span

    public init(_ kind: Kind, _ span: Span) {
        self.kind = kind
        self.span = span
    }
}

public enum UnaryOperator: String, Sendable, Hashable {
    case not
    case negate = "-"
}

public enum LogicalOperator: String, Sendable, Hashable {
    case and, or
}

public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
    case coalesce = "??"
    case contains, startsWith = "starts_with"

    public var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: return true
        default: return false
        }
    }

    public var isArithmetic: Bool {
        switch self {
        case .add, .subtract, .multiply, .divide, .remainder: return true
        default: return false
        }
    }
}

/// The aggregate functions over a customer's events.
public enum AggregateFunction: String, Sendable, Hashable, CaseIterable {
    case count, exists, sum, avg, min, max, first, last

    /// Whether the function needs `EVENT.PROPERTY` (sum/avg/min/max do; first/last may).
    public var needsProperty: Bool { [.sum, .avg, .min, .max].contains(self) }
}

/// `count(cart_added where event.cart_value > 50 within 48h)` and friends.
public struct AggregateSyntax: Sendable, Hashable {
    public var function: Located<AggregateFunction>
    /// An event type name, or `any`.
    public var event: Located<String>
    public var property: Located<String>?
    public var filter: Expr?
    public var window: Located<Interval>?
}

/// A length of time; the language writes it as a whole number and a unit (`48h`).
public struct Interval: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var seconds: Int64

    public init(seconds: Int64) { self.seconds = seconds }

    public static func < (lhs: Interval, rhs: Interval) -> Bool { lhs.seconds < rhs.seconds }

    public static let unitSeconds: [(String, Int64)] = [("w", 604_800), ("d", 86_400), ("h", 3_600), ("m", 60)]

    /// Reads `48h`, `7d`, `30m`, `2w`; nil when malformed or out of range (more than 100 years).
    public static func parse(_ text: String) -> Interval? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let unit = t.last, let factor = unitSeconds.first(where: { $0.0 == String(unit) })?.1 else { return nil }
        let digits = t.dropLast()
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
              let n = Int64(digits), n <= 36_500 * 86_400 / factor else { return nil }
        return Interval(seconds: n * factor)
    }

    /// The largest unit that divides the duration exactly: `172800` seconds is `2d`.
    public var description: String {
        for (unit, factor) in Interval.unitSeconds where seconds % factor == 0 && seconds != 0 {
            return "\(seconds / factor)\(unit)"
        }
        return seconds == 0 ? "0m" : "\(seconds)s"
    }
}

import Foundation
