import HeraldSupport

/// Runtime values to and from JSON: how profiles are read (`herald preview --profile`) and written.
extension RuntimeValue {
    public init(json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .double(let d): self = .double(d)
        case .string(let s): self = .string(s)
        case .array(let a): self = .array(a.map(RuntimeValue.init(json:)))
        case .object(let o): self = .record(o.mapValues(RuntimeValue.init(json:)))
        case .written(let w): self.init(json: w.value)
        }
    }

    public var json: JSONValue {
        switch self {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .array(let a): return .array(a.map(\.json))
        case .record(let r): return .object(r.mapValues(\.json))
        }
    }
}
