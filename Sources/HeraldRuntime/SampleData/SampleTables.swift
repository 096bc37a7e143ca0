import HeraldSchema

/// The physical tables a schema describes, with the sample data's rows for each: shared by the
/// SQL loader (SQLite, PostgreSQL) and by exports to other engines.
public struct SampleTable: Sendable {
    public struct Column: Sendable {
        public var name: String
        public var type: ValueType
        public var nullable: Bool
        /// Event properties as a JSON object (single-table layout).
        public var isJSON: Bool
    }

    public var name: String
    public var columns: [Column]
    /// The primary key column, if any.
    public var key: String?
    /// Columns to index together, as a warehouse would cluster them.
    public var indexes: [[String]]
    /// Rows in column order; JSON columns hold the JSON text as a string.
    public var rows: [[Value]]

    /// Every table of a schema with the rows of a dataset.
    public static func tables(_ schema: Schema, _ data: SampleDataset) -> [SampleTable] {
        let c = schema.customer
        let fields = [c.key] + c.fields
        var out: [SampleTable] = []
        out.append(SampleTable(name: c.table, columns: fields.map { Column(name: $0.column, type: $0.type, nullable: $0.nullable, isJSON: false) },
                               key: c.key.column, indexes: [],
                               rows: data.customers.map { row in fields.map { row[$0.name] ?? .null } }))
        let keyType = c.key.type
        switch schema.events.layout {
        case .singleTable(let table, let customer, let name, let time, let properties):
            out.append(SampleTable(name: table, columns: [
                Column(name: customer, type: keyType, nullable: false, isJSON: false),
                Column(name: name, type: .string, nullable: false, isJSON: false),
                Column(name: time, type: .timestamp, nullable: false, isJSON: false),
                Column(name: properties, type: .string, nullable: true, isJSON: true),
            ], key: nil, indexes: [[name, time], [customer, name, time]], rows: data.events.map { e in
                let type = schema.events.type(named: e.type)
                return [e.customer, .string(type?.sourceName ?? e.type), .timestamp(e.time), .string(propertiesJSON(e, type))]
            }))
        case .perEventTable(let customer, let time):
            for t in schema.events.types {
                out.append(SampleTable(name: t.table, columns: [
                    Column(name: customer, type: keyType, nullable: false, isJSON: false),
                    Column(name: time, type: .timestamp, nullable: false, isJSON: false),
                ] + t.properties.map { Column(name: $0.column, type: $0.type, nullable: true, isJSON: false) },
                key: nil, indexes: [[time]], rows: data.events.filter { $0.type == t.name }.map { e in
                    [e.customer, .timestamp(e.time)] + t.properties.map { e.properties[$0.name] ?? .null }
                }))
            }
        }
        for r in schema.relations {
            out.append(SampleTable(name: r.table, columns: [Column(name: r.customerColumn, type: keyType, nullable: false, isJSON: false)]
                                   + r.fields.map { Column(name: $0.column, type: $0.type, nullable: $0.nullable, isJSON: false) },
                                   key: nil, indexes: [], rows: (data.relations[r.name] ?? []).map { row in
                [row["__customer"] ?? .null] + r.fields.map { row[$0.name] ?? .null }
            }))
        }
        if let s = schema.suppression, let col = s.customerColumn {
            out.append(SampleTable(name: s.table, columns: [Column(name: col, type: keyType, nullable: false, isJSON: false)],
                                   key: nil, indexes: [], rows: data.suppressed.map { [$0] }))
        }
        if let s = schema.sends {
            out.append(SampleTable(name: s.table, columns: [
                Column(name: s.customerColumn, type: keyType, nullable: false, isJSON: false),
                Column(name: s.campaignColumn, type: .string, nullable: false, isJSON: false),
                Column(name: s.armColumn, type: .string, nullable: true, isJSON: false),
                Column(name: s.sentAtColumn, type: .timestamp, nullable: false, isJSON: false),
            ], key: nil, indexes: [[s.customerColumn]], rows: data.sends.map { [$0.customer, .string($0.campaign), $0.arm.map { .string($0) } ?? .null, .timestamp($0.sentAt)] }))
        }
        return out
    }

    /// A JSON object of an event's properties, keyed by their column names.
    public static func propertiesJSON(_ e: SampleDataset.Event, _ type: EventType?) -> String {
        var members: [String: JSONValue] = [:]
        for p in type?.properties ?? [] {
            switch e.properties[p.name] ?? .null {
            case .int(let i): members[p.column] = .int(i)
            case .decimal(let d): members[p.column] = .double(Double(d) ?? 0)
            case .bool(let b): members[p.column] = .bool(b)
            case .string(let s): members[p.column] = .string(s)
            case .timestamp(let t): members[p.column] = .string(CivilTime.iso8601(t))
            case .date(let d): members[p.column] = .string(CivilTime.isoDate(d))
            default: break
            }
        }
        return JSONValue.object(members).compactText()
    }
}

import HeraldSupport
