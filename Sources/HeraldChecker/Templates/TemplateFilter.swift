import HeraldSchema

/// The filters of Herald's Liquid subset, with their argument and result types as data.
///
/// Semantics follow Shopify Liquid; `money` (a Shopify extension) formats a decimal amount with two
/// decimals and thousands separators, with an optional currency symbol argument.
public enum TemplateFilter: String, Sendable, Hashable, CaseIterable {
    case `default`, upcase, downcase, capitalize, strip, truncate, truncatewords, replace, append, prepend
    case date, round, plus, minus, times, dividedBy = "divided_by", money, size, first, last, join
    case urlEncode = "url_encode", escape

    /// What an argument must be.
    public enum Argument: Sendable {
        case string, integer, number, any
    }

    /// Required and optional arguments.
    public var arguments: (required: [Argument], optional: [Argument]) {
        switch self {
        case .default: return ([.any], [])
        case .upcase, .downcase, .capitalize, .strip, .size, .first, .last, .urlEncode, .escape: return ([], [])
        case .truncate, .truncatewords: return ([.integer], [.string])
        case .replace: return ([.string, .string], [])
        case .append, .prepend: return ([.string], [])
        case .date: return ([.string], [])
        case .round: return ([], [.integer])
        case .plus, .minus, .times, .dividedBy: return ([.number], [])
        case .money: return ([], [.string])
        case .join: return ([], [.string])
        }
    }

    public enum Input: Sendable {
        case anything, text, number, time, collection
    }

    public var input: Input {
        switch self {
        case .default, .append, .prepend, .escape, .urlEncode, .upcase, .downcase, .capitalize, .strip, .replace, .truncate, .truncatewords:
            return self == .default ? .anything : .text
        case .date: return .time
        case .round, .plus, .minus, .times, .dividedBy, .money: return .number
        case .size, .first, .last, .join: return .collection
        }
    }
}
