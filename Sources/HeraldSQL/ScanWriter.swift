import HeraldChecker
import HeraldPlan
import HeraldSchema
import HeraldSyntax

/// Writes one `ScanGroup` as a grouped CTE: one pass over the events it needs, every feature a
/// conditional aggregate, the WHERE clause pruning by event type and by the widest window.
struct ScanWriter {
    let dialect: any SQLDialect
    let features: FeatureTable
    let layout: EventModel.Layout
    let allTypes: [EventType]
    /// The campaign's local feature names (column aliases).
    let names: [FeatureID: String]

    func q(_ s: String) -> String { dialect.quote(s) }

    /// Columns a scan row exposes, whatever the layout.
    private struct Row {
        var customer: String
        var time: String
        var name: String?
        var property: (Field) -> String
    }

    /// Scan number `index` as `alias AS (…)`. Features in `sharing`'s shared set are not computed
    /// one by one: its latest-time aggregates for this scan stand for them.
    func cte(_ g: ScanGroup, index: Int, alias: String, sharing: LatestTimeSharing) -> String {
        let (from, row) = source(g)
        // Computed properties of the group, asked once per scan rather than once per feature.
        let events = g.events
        let scan = Scan(window: g.window, readsSeveralTypes: events == nil || events!.count > 1)
        let writer = SQLExpressionWriter(dialect: dialect, features: features, customerColumn: { _ in "NULL" },
                                         eventProperty: row.property)
        var out = SQLBuffer(dialect)
        out.name(alias)
        out.add(" AS (\n  SELECT ", row.customer, " AS ")
        out.name("k")
        for id in g.features where sharing.shared[id] == nil {
            out.add("\n    , ", aggregate(features[id], scan: scan, row: row, writer: writer), " AS ")
            out.name(names[id] ?? id.description)
        }
        for a in sharing.aggregates(inScan: index) {
            out.add("\n    , ", aggregate(a.representative, scan: scan, row: row, writer: writer), " AS ")
            out.name(a.name)
        }
        out.add("\n  FROM ", from, "\n  WHERE ")
        // A scan of every event type reads most of the table: grouping it in customer order beats
        // serving its time range from an index and sorting every row it returns.
        let time = events == nil ? dialect.withoutIndex(row.time) : row.time
        if let nameColumn = row.name.map({ events == nil ? dialect.withoutIndex($0) : $0 }) {
            if g.ranges.count == 1 {
                if write(g.ranges[0], nameColumn: nameColumn, time: time, joinedBy: "\n  AND ", into: &out) { out.add("\n  AND ") }
            } else {
                out.add("(")
                for (i, r) in g.ranges.enumerated() {
                    out.add(i == 0 ? "(" : "\n    OR (")
                    if !write(r, nameColumn: nameColumn, time: time, joinedBy: " AND ", into: &out) { out.add("1 = 1") }
                    out.add(")")
                }
                out.add(")\n  AND ")
            }
        } else if let w = scan.window {
            out.add(time, " >= ", dialect.timestamp(dialect.asOf, plusSeconds: -w.seconds), "\n  AND ")
        }
        out.add(time, " <= ", dialect.asOf, "\n  GROUP BY ", row.customer, "\n)")
        return out.text
    }

    /// Writes the conditions selecting one range's rows, `separator` between them; false when it
    /// reads every row, and so wrote nothing.
    private func write(_ r: EventRange, nameColumn: String, time: String, joinedBy separator: String, into out: inout SQLBuffer) -> Bool {
        if let events = r.events {
            out.add(nameColumn)
            out.add(events.count == 1 ? " = " : " IN (")
            for (i, e) in events.enumerated() {
                if i > 0 { out.add(", ") }
                out.add(dialect.string(e.sourceName))
            }
            if events.count > 1 { out.add(")") }
        }
        if let w = r.window {
            if r.events != nil { out.add(separator) }
            out.add(time)
            out.add(" >= ")
            out.add(dialect.timestamp(dialect.asOf, plusSeconds: -w.seconds))
        }
        return r.events != nil || r.window != nil
    }

    private func source(_ g: ScanGroup) -> (String, Row) {
        switch layout {
        case .singleTable(let table, let customer, let name, let time, let properties):
            let props = "e.\(q(properties))"
            return ("\(q(table)) AS e", Row(customer: "e.\(q(customer))", time: "e.\(q(time))", name: "e.\(q(name))",
                                            property: { f in dialect.jsonProperty(props, key: f.column, type: f.type) }))
        case .perEventTable(let customer, let time):
            switch g.source {
            case .eventTable(let t):
                return ("\(q(t.table)) AS e", Row(customer: "e.\(q(customer))", time: "e.\(q(time))", name: nil,
                                                  property: { f in "e.\(q(f.column))" }))
            default:
                // `any` reads every event table; only customer and time are common to all of them.
                let union = allTypes.map { t in
                    "SELECT \(q(customer)) AS \(q(customer)), \(q(time)) AS \(q(time)) FROM \(q(t.table))"
                }.joined(separator: "\n    UNION ALL ")
                return ("(\n    \(union)\n  ) AS e", Row(customer: "e.\(q(customer))", time: "e.\(q(time))", name: nil,
                                                          property: { _ in "NULL" }))
            }
        default:
            return ("", Row(customer: "", time: "", name: nil, property: { _ in "NULL" }))
        }
    }

    /// What a feature's row condition needs to know of its scan.
    private struct Scan {
        /// The widest window of the scan (nil: all history).
        var window: Interval?
        /// Whether the scan reads more than one event type, so that a feature names its own.
        var readsSeveralTypes: Bool
    }

    /// The condition under which an event row counts for a feature, beyond the scan's WHERE.
    private func rowCondition(_ f: Feature, scan: Scan, row: Row, writer: SQLExpressionWriter) -> String {
        var parts: [String] = []
        if let e = f.event, let nameColumn = row.name, scan.readsSeveralTypes {
            parts.append("\(nameColumn) = \(dialect.string(e.sourceName))")
        }
        if let w = f.window, w != scan.window {
            parts.append("\(row.time) >= \(dialect.timestamp(dialect.asOf, plusSeconds: -w.seconds))")
        }
        if let filter = f.filter { parts.append(writer.condition(filter)) }
        return parts.isEmpty ? "1 = 1" : parts.joined(separator: " AND ")
    }

    private func aggregate(_ f: Feature, scan: Scan, row: Row, writer: SQLExpressionWriter) -> String {
        ScanWriter.aggregate(f, condition: rowCondition(f, scan: scan, row: row, writer: writer), property: f.property.map(row.property),
                             time: row.time, dialect: dialect)
    }

    /// A feature as a conditional aggregate over event rows where `condition` holds (`1 = 1` when
    /// the query's WHERE already selects exactly its rows); shared with the results query.
    static func aggregate(_ f: Feature, condition cond: String, property prop: String?, time: String, dialect: any SQLDialect) -> String {
        func when(_ value: String) -> String { cond == "1 = 1" ? value : "CASE WHEN \(cond) THEN \(value) END" }
        switch f.function {
        case .count, .exists:
            return cond == "1 = 1" ? "COUNT(*)" : "COUNT(CASE WHEN \(cond) THEN 1 END)"
        case .sum: return "SUM(\(when(prop!)))"
        case .avg: return "AVG(\(dialect.cast(when(prop!), to: .decimal)))"
        case .min: return "MIN(\(when(prop!)))"
        case .max: return "MAX(\(when(prop!)))"
        case .first, .last:
            guard let prop, let p = f.property else {
                return "\(f.function == .first ? "MIN" : "MAX")(\(when(time)))"
            }
            return dialect.valueAtExtremeTime(prop, time: time, condition: "\(cond) AND \(prop) IS NOT NULL",
                                              latest: f.function == .last, type: p.type)
        }
    }
}
