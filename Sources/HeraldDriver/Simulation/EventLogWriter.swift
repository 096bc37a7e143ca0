import HeraldRuntime
import HeraldSchema
import HeraldSupport

/// Writes customers and events as the JSON Lines `EventLogReader` reads: keys sorted, instants
/// in ISO 8601, one object per line.
public enum EventLogWriter {
    public static func lines(_ data: SampleDataset) -> (customers: String, events: String) {
        let customers = data.customers.map { row in JSONValue.object(row.mapValues(json)).compactText() + "\n" }.joined()
        let events = data.events.map { e in
            JSONValue.object(["customer": json(e.customer), "event": .string(e.type), "time": .string(CivilTime.iso8601(e.time)),
                              "properties": .object(e.properties.mapValues(json))]).compactText() + "\n"
        }.joined()
        return (customers, events)
    }

    public static func json(_ v: Value) -> JSONValue {
        switch v {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .decimal(let d): return Double(d).map(JSONValue.double) ?? .string(d)
        case .string(let s): return .string(s)
        case .timestamp(let t): return .string(CivilTime.iso8601(t))
        case .date(let d): return .string(CivilTime.isoDate(d))
        case .duration(let s): return .int(s)
        }
    }
}
