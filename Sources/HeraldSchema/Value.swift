/// A constant of the language: what literals evaluate to and what the interpreter computes.
public enum Value: Hashable, Sendable, CustomStringConvertible {
    case null
    case bool(Bool)
    case int(Int64)
    /// Decimal literals keep their digits as written, so SQL reproduces them exactly.
    case decimal(String)
    case string(String)
    /// Seconds since 1970-01-01T00:00:00Z.
    case timestamp(Int64)
    /// Days since 1970-01-01.
    case date(Int64)
    case duration(Int64)

    public var description: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .decimal(let d): return d
        case .string(let s): return "\"\(s)\""
        case .timestamp(let t): return "timestamp(\"\(CivilTime.iso8601(t))\")"
        case .date(let d): return "date(\"\(CivilTime.isoDate(d))\")"
        case .duration(let s): return "\(s)s"
        }
    }

    /// The numeric value of ints and decimals.
    public var number: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .decimal(let d): return Double(d)
        default: return nil
        }
    }
}

/// Calendar arithmetic on UTC instants without Foundation's locale- and zone-dependent formatters,
/// so that output never depends on the machine's settings.
public enum CivilTime {
    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    public static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day number.
    public static func civil(days z0: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    /// Day of the week, 0 = Monday … 6 = Sunday.
    public static func weekday(days: Int64) -> Int64 {
        let w = (days + 3) % 7
        return w < 0 ? w + 7 : w
    }

    static func pad(_ v: Int64, _ width: Int) -> String {
        let s = String(abs(v))
        return (v < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - s.count)) + s
    }

    public static func isoDate(_ days: Int64) -> String {
        let c = civil(days: days)
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }

    /// `2026-11-25T09:30:00Z`.
    public static func iso8601(_ seconds: Int64) -> String {
        let days = floorDiv(seconds, 86_400)
        let rem = seconds - days * 86_400
        return "\(isoDate(days))T\(pad(rem / 3600, 2)):\(pad(rem % 3600 / 60, 2)):\(pad(rem % 60, 2))Z"
    }

    /// `2026-11-25 09:30:00`, SQLite's canonical text form of an instant.
    public static func sqlText(_ seconds: Int64) -> String {
        let days = floorDiv(seconds, 86_400)
        let rem = seconds - days * 86_400
        return "\(isoDate(days)) \(pad(rem / 3600, 2)):\(pad(rem % 3600 / 60, 2)):\(pad(rem % 60, 2))"
    }

    public static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// Reads `YYYY-MM-DD`.
    public static func parseDate(_ text: String) -> Int64? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int64(parts[0]), let m = Int64(parts[1]), let d = Int64(parts[2]),
              (1...12).contains(m), d >= 1, d <= daysInMonth(y, m) else { return nil }
        return days(year: y, month: m, day: d)
    }

    static func daysInMonth(_ y: Int64, _ m: Int64) -> Int64 {
        switch m {
        case 2: return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Reads an ISO 8601 instant: `2026-11-01T09:00:00Z`, `…+01:00`, fractional seconds ignored,
    /// or the SQL form `2026-11-01 09:00:00` (taken as UTC). A bare date means midnight UTC.
    public static func parseInstant(_ text: String) -> Int64? {
        var t = Substring(text.trimmingCharacters(in: .whitespaces))
        if let d = parseDate(String(t)) { return d * 86_400 }
        guard t.count >= 19 else { return nil }
        let datePart = t.prefix(10)
        let sep = t[t.index(t.startIndex, offsetBy: 10)]
        guard sep == "T" || sep == " " || sep == "t", let days = parseDate(String(datePart)) else { return nil }
        t = t.dropFirst(11)
        let hms = t.prefix(8).split(separator: ":")
        guard hms.count == 3, hms.allSatisfy({ $0.count == 2 }), let h = Int64(hms[0]), let mi = Int64(hms[1]), let s = Int64(hms[2]),
              h < 24, mi < 60, s < 61 else { return nil }
        t = t.dropFirst(8)
        if t.first == "." {
            t = t.dropFirst()
            while let c = t.first, c.isNumber { t = t.dropFirst() }
        }
        var offset: Int64 = 0
        if t == "Z" || t == "z" || t.isEmpty {
            offset = 0
        } else if let sign = t.first, sign == "+" || sign == "-" {
            let z = t.dropFirst().split(separator: ":")
            let digits = z.count == 2 ? z : (z.count == 1 && z[0].count == 4 ? [z[0].prefix(2), z[0].suffix(2)] : [])
            guard digits.count == 2, let oh = Int64(digits[0]), let om = Int64(digits[1]), oh < 24, om < 60 else { return nil }
            offset = (oh * 3600 + om * 60) * (sign == "-" ? -1 : 1)
        } else {
            return nil
        }
        return days * 86_400 + h * 3600 + mi * 60 + min(s, 59) - offset
    }
}

import Foundation
