import HeraldSchema

/// The rows of some event types as a FROM clause, whatever the events layout: where the customer,
/// the time and each property of a row are, and the condition selecting the types.
struct EventRows {
    let from: String
    let customer: String
    let time: String
    /// `e.name IN (…)` for a single events table; nothing when the tables hold only these types.
    let nameCondition: [String]
    let property: (Field) -> String
    /// The condition selecting one of the types' rows; nil when every row is of that type.
    let typeCondition: (EventType) -> String?

    init(dialect: any SQLDialect, layout: EventModel.Layout, types: [EventType]) {
        func q(_ s: String) -> String { dialect.quote(s) }
        switch layout {
        case .singleTable(let table, let customer, let name, let time, let properties):
            from = "\(q(table)) AS e"
            self.customer = "e.\(q(customer))"
            self.time = "e.\(q(time))"
            let names = types.map { dialect.string($0.sourceName) }
            nameCondition = [names.count == 1 ? "e.\(q(name)) = \(names[0])" : "e.\(q(name)) IN (\(names.joined(separator: ", ")))"]
            property = { f in dialect.jsonProperty("e.\(q(properties))", key: f.column, type: f.type) }
            typeCondition = { t in types.count == 1 ? nil : "e.\(q(name)) = \(dialect.string(t.sourceName))" }
        case .perEventTable(let customer, let time):
            if types.count == 1 {
                from = "\(q(types[0].table)) AS e"
                property = { f in "e.\(q(f.column))" }
                typeCondition = { _ in nil }
            } else {
                // Several tables: only customer and time are common to all of them, plus which type a row is.
                let union = types.map {
                    "SELECT \(q(customer)) AS \(q(customer)), \(q(time)) AS \(q(time)), \(dialect.string($0.name)) AS \(q("herald_event")) FROM \(q($0.table))"
                }
                from = "(\n    " + union.joined(separator: "\n    UNION ALL ") + "\n  ) AS e"
                property = { _ in "NULL" }
                typeCondition = { t in "e.\(q("herald_event")) = \(dialect.string(t.name))" }
            }
            self.customer = "e.\(q(customer))"
            self.time = "e.\(q(time))"
            nameCondition = []
        }
    }
}
