import Foundation
import HeraldRuntime
import HeraldSchema

/// Streams a large sample dataset to CSV files (customers and the single events table), without
/// holding it in memory: what the engines load for the SQL benchmark.
enum BenchData {
    struct Files {
        var customers: URL
        var events: URL
        var customerCount: Int
        var eventCount: Int
    }

    static func write(schema: Schema, options: SampleOptions, to dir: URL) throws -> Files {
        guard case .singleTable = schema.events.layout else { throw BenchFailure("the SQL benchmark needs the single-table events layout") }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let customersURL = dir.appendingPathComponent("customers.csv"), eventsURL = dir.appendingPathComponent("events.csv")
        guard FileManager.default.createFile(atPath: customersURL.path, contents: nil),
              FileManager.default.createFile(atPath: eventsURL.path, contents: nil) else { throw BenchFailure("cannot create the data files in \(dir.path)") }
        let customers = try FileHandle(forWritingTo: customersURL), events = try FileHandle(forWritingTo: eventsURL)
        defer { try? customers.close(); try? events.close() }
        let fields = [schema.customer.key] + schema.customer.fields
        var customerBuffer = fields.map(\.column).joined(separator: ",") + "\n"
        var eventBuffer = "customer_id,event,occurred_at,properties\n"
        var generator = SampleGenerator(schema: schema, options: options)
        var eventCount = 0
        generator.forEachCustomer { row, evs in
            customerBuffer += fields.map { csv(row[$0.name] ?? .null) }.joined(separator: ",") + "\n"
            for e in evs {
                let type = schema.events.type(named: e.type)
                eventBuffer += "\(csv(e.customer)),\(csv(.string(type?.sourceName ?? e.type))),\(CivilTime.sqlText(e.time)),"
                    + csv(.string(SampleTable.propertiesJSON(e, type))) + "\n"
                eventCount += 1
            }
            if eventBuffer.utf8.count > 1 << 22 {
                events.write(Data(eventBuffer.utf8))
                eventBuffer = ""
                customers.write(Data(customerBuffer.utf8))
                customerBuffer = ""
            }
        }
        events.write(Data(eventBuffer.utf8))
        customers.write(Data(customerBuffer.utf8))
        return Files(customers: customersURL, events: eventsURL, customerCount: options.customers, eventCount: eventCount)
    }

    /// A CSV field: booleans as 1/0, instants in SQL text form, text quoted when needed.
    static func csv(_ v: Value) -> String {
        switch v {
        case .null: return ""
        case .bool(let b): return b ? "1" : "0"
        case .int(let i): return String(i)
        case .decimal(let d): return d
        case .timestamp(let t): return CivilTime.sqlText(t)
        case .date(let d): return CivilTime.isoDate(d)
        case .duration(let s): return String(s)
        case .string(let s):
            if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) { return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            return s
        }
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
