import HeraldSchema
import HeraldSupport

/// A value while rendering: Liquid's dynamic values.
public indirect enum RuntimeValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([RuntimeValue])
    /// A relation row or other record.
    case record([String: RuntimeValue])

    public init(_ v: Value) {
        switch v {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .decimal(let d): self = Double(d).map { .double($0) } ?? .string(d)
        case .string(let s): self = .string(s)
        case .timestamp(let t): self = .string(CivilTime.iso8601(t))
        case .date(let d): self = .string(CivilTime.isoDate(d))
        case .duration(let s): self = .int(s)
        }
    }

    /// Liquid truthiness: everything but nil and false.
    public var isTruthy: Bool {
        switch self {
        case .null, .bool(false): return false
        default: return true
        }
    }

    /// The text Liquid prints for the value.
    public var text: String {
        switch self {
        case .null: return ""
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return RuntimeValue.format(d)
        case .string(let s): return s
        case .array(let items): return items.map(\.text).joined()
        case .record: return ""
        }
    }

    /// Ruby's Float#to_s for the values emails print: `20.0`, `19.99`, `0.1`.
    public static func format(_ d: Double) -> String {
        guard d.isFinite else { return d.isNaN ? "NaN" : (d > 0 ? "Infinity" : "-Infinity") }
        if d == d.rounded(), abs(d) < 1e16 { return String(Int64(d)) + ".0" }
        return "\(d)"
    }

    public var number: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        case .string(let s): return Double(s.trimmedOfSpaces)
        default: return nil
        }
    }

    public var isEmptyValue: Bool {
        switch self {
        case .string(let s): return s.isEmpty
        case .array(let a): return a.isEmpty
        case .record(let r): return r.isEmpty
        default: return false
        }
    }

    public var isBlank: Bool {
        switch self {
        case .null, .bool(false): return true
        case .string(let s): return s.allSatisfy { $0.isWhitespace }
        case .array(let a): return a.isEmpty
        case .record(let r): return r.isEmpty
        default: return false
        }
    }
}

import Foundation
