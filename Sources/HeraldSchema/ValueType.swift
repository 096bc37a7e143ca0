/// The types of the language. Nullability is not part of the type; see `TypeRef`.
public indirect enum ValueType: Hashable, Sendable, CustomStringConvertible {
    case bool, int, decimal, string, email, url, timestamp, date, duration
    case enumeration(EnumType)
    case list(ValueType)
    /// The type of the `null` literal: it fits any nullable type.
    case null
    /// The type of something that failed to check; it fits everything so that one mistake is
    /// reported once, not again by every expression around it.
    case error

    public var description: String {
        switch self {
        case .bool: return "bool"
        case .int: return "int"
        case .decimal: return "decimal"
        case .string: return "string"
        case .email: return "email"
        case .url: return "url"
        case .timestamp: return "timestamp"
        case .date: return "date"
        case .duration: return "duration"
        case .enumeration(let e): return "enum `\(e.name)`"
        case .list(let t): return "list of \(t)"
        case .null: return "null"
        case .error: return "<error>"
        }
    }

    public var isNumeric: Bool { self == .int || self == .decimal || self == .error }

    /// Strings and the types stored as strings (email, url, enum values).
    public var isTextual: Bool {
        switch self {
        case .string, .email, .url, .enumeration, .error: return true
        default: return false
        }
    }

    /// The type names a schema may write.
    public static let schemaNames = ["string", "int", "decimal", "bool", "timestamp", "date", "enum", "email", "url", "list"]

    /// Reads a scalar type name (not `enum` or `list`, which need more information).
    public static func scalar(named name: String) -> ValueType? {
        switch name {
        case "string": return .string
        case "int", "integer": return .int
        case "decimal", "number": return .decimal
        case "bool", "boolean": return .bool
        case "timestamp": return .timestamp
        case "date": return .date
        case "email": return .email
        case "url": return .url
        default: return nil
        }
    }
}

/// An enum type: its name (the field or property it belongs to) and its values in declared order.
public struct EnumType: Hashable, Sendable {
    public var name: String
    public var values: [String]

    public init(name: String, values: [String]) {
        self.name = name
        self.values = values
    }
}

/// A type together with whether it may be null.
public struct TypeRef: Hashable, Sendable, CustomStringConvertible {
    public var base: ValueType
    public var nullable: Bool

    public init(_ base: ValueType, nullable: Bool = false) {
        self.base = base
        self.nullable = nullable
    }

    public static let bool = TypeRef(.bool)
    public static let int = TypeRef(.int)
    public static let decimal = TypeRef(.decimal)
    public static let string = TypeRef(.string)
    public static let error = TypeRef(.error)

    public var description: String { nullable && base != .null ? "\(base)?" : base.description }

    public var isError: Bool { base == .error }

    public func withNullable(_ n: Bool) -> TypeRef { TypeRef(base, nullable: n) }
}
