import HeraldRuntime
import HeraldSchema
import HeraldSupport

/// Reads the JSON Lines files `herald simulate` replays: customers (one object per line, keyed by
/// the schema's field names) and events (`{"customer": 1, "event": "cart_added", "time":
/// "2026-11-26T09:00:00Z", "properties": {…}}`), typed by the schema. A malformed line is an error
/// naming the file and line.
public struct EventLogReader {
    public let schema: Schema

    public init(schema: Schema) { self.schema = schema }

    public struct Failure: Error, Sendable {
        public var message: String
    }

    public func customers(_ text: String, file: String) throws(Failure) -> [[String: Value]] {
        var rows: [[String: Value]] = []
        for (n, object) in try lines(text, file: file) {
            var row: [String: Value] = [:]
            for name in schema.customer.allFieldNames {
                guard let f = schema.customer.field(named: name) else { continue }
                row[name] = try value(object[name] ?? .null, f.type, "\(file):\(n): `\(name)`")
            }
            guard row[schema.customer.key.name] != .null else { throw Failure(message: "\(file):\(n): the customer has no `\(schema.customer.key.name)`.") }
            rows.append(row)
        }
        return rows
    }

    public func events(_ text: String, file: String) throws(Failure) -> [SampleDataset.Event] {
        let keyType = schema.customer.key.type
        var out: [SampleDataset.Event] = []
        for (n, object) in try lines(text, file: file) {
            let at = "\(file):\(n)"
            guard let name = object["event"]?.stringValue else { throw Failure(message: "\(at): the event has no `event` name.") }
            guard let type = schema.events.type(named: name) else { throw Failure(message: "\(at): the schema has no event `\(name)`.") }
            guard let text = object["time"]?.stringValue, let time = CivilTime.parseInstant(text) else {
                throw Failure(message: "\(at): `time` must be an ISO 8601 instant such as 2026-11-26T09:00:00Z.")
            }
            let customer = try value(object["customer"] ?? .null, keyType, "\(at): `customer`")
            guard customer != .null else { throw Failure(message: "\(at): the event has no `customer`.") }
            var properties: [String: Value] = [:]
            let given = object["properties"]?.objectValue ?? [:]
            for p in type.properties { properties[p.name] = try value(given[p.name] ?? .null, p.type, "\(at): `\(p.name)`") }
            out.append(SampleDataset.Event(customer: customer, type: type.name, time: time, properties: properties))
        }
        return out.sorted { $0.time < $1.time }
    }

    private func lines(_ text: String, file: String) throws(Failure) -> [(Int, [String: JSONValue])] {
        var out: [(Int, [String: JSONValue])] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            let parsed: JSONValue
            do { parsed = try JSONParser.parse(trimmed) } catch { throw Failure(message: "\(file):\(i + 1): \(error.message)") }
            guard let object = parsed.objectValue else { throw Failure(message: "\(file):\(i + 1): each line must be a JSON object.") }
            out.append((i + 1, object))
        }
        return out
    }

    private func value(_ j: JSONValue, _ type: ValueType, _ what: String) throws(Failure) -> Value {
        if case .null = j { return .null }
        switch type {
        case .int: if let i = j.intValue { return .int(i) }
        case .decimal: if j.doubleValue != nil { return .decimal(j.compactText()) }
        case .bool: if let b = j.boolValue { return .bool(b) }
        case .timestamp: if let t = j.stringValue.flatMap(CivilTime.parseInstant) { return .timestamp(t) }
        case .date: if let d = j.stringValue.flatMap(CivilTime.parseDate) { return .date(d) }
        case .list: return .string(j.compactText())
        default: if let s = j.stringValue { return .string(s) }
        }
        throw Failure(message: "\(what) is not a valid \(type).")
    }
}
