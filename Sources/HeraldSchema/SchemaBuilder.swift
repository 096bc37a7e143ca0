import HeraldDiagnostics
import HeraldSource
import HeraldSyntax

/// Builds the `Schema` from `schema.yaml`'s syntax: resolves type names, applies the defaults of each
/// events layout and checks that names are usable in expressions.
public enum SchemaBuilder {
    public static func build(_ syntax: SchemaSyntax, diagnostics: inout DiagnosticBag) -> Schema {
        let customer = buildCustomer(syntax.customer, schemaSpan: syntax.span, diagnostics: &diagnostics)
        let events = buildEvents(syntax.events, span: syntax.span, diagnostics: &diagnostics)
        var relations: [RelationModel] = []
        for r in syntax.relations {
            Names.check(r.name, what: "relation", diagnostics: &diagnostics)
            let fields = buildFields(r.fields, owner: "relation `\(r.name.value)`", diagnostics: &diagnostics)
            if let order = r.orderBy, !fields.contains(where: { $0.name == order.value }) {
                diagnostics.emit(Diagnostic(.unknownField, "`order_by` names `\(order.value)`, which is not a field of the relation `\(r.name.value)`.",
                                            at: order.span).suggesting(order.value, among: fields.map(\.name), at: order.span))
            }
            let orderColumn = r.orderBy.flatMap { o in fields.first { $0.name == o.value }?.column }
            relations.append(RelationModel(name: r.name.value, table: r.table?.value ?? r.name.value,
                                           customerColumn: r.key?.value ?? customer.key.column, orderBy: orderColumn,
                                           fields: fields, span: r.span))
        }
        let sends = syntax.sends.map { t in
            SendsTable(table: t.table?.value ?? "herald_sends", customerColumn: t.columns["customer"]?.value ?? "customer_id",
                       campaignColumn: t.columns["campaign"]?.value ?? "campaign", armColumn: t.columns["arm"]?.value ?? "arm",
                       sentAtColumn: t.columns["sent_at"]?.value ?? "sent_at")
        }
        let suppression = syntax.suppression.map { t in
            SuppressionTable(table: t.table?.value ?? "suppressions",
                             customerColumn: t.columns["customer"]?.value ?? (t.columns["email"] == nil ? customer.key.column : nil),
                             emailColumn: t.columns["email"]?.value)
        }
        return Schema(customer: customer, events: events, relations: relations, sends: sends, suppression: suppression,
                      consent: syntax.customer?.consent, span: syntax.span)
    }

    static func buildCustomer(_ c: CustomerSyntax?, schemaSpan: Span, diagnostics: inout DiagnosticBag) -> CustomerModel {
        let span = c?.span ?? schemaSpan
        var fields = buildFields(c?.fields ?? [], owner: "the customer", diagnostics: &diagnostics)
        let keyName = c?.key?.value ?? "customer_id"
        var key = fields.first { $0.name == keyName } ?? Field(name: keyName, type: .string, span: c?.key?.span ?? span)
        if let k = c?.key, !Names.isIdentifier(k.value) { Names.check(k, what: "key field", diagnostics: &diagnostics) }
        if key.type != .int && key.type != .string && key.type != .error {
            diagnostics.emit(Diagnostic(.typeMismatch, "The customer key `\(key.name)` must be an int or a string, not \(key.type).", at: key.span))
        }
        if key.nullable {
            diagnostics.emit(Diagnostic(.invalidValue, "The customer key `\(key.name)` cannot be nullable.", at: key.span)
                .help("Every customer needs a key; remove `nullable: true`."))
            key.nullable = false
        }
        fields.removeAll { $0.name == keyName }
        var email: Field?
        if let e = c?.email {
            email = fields.first { $0.name == e.value }
            if email == nil {
                diagnostics.emit(Diagnostic(.unknownField, "`email` names `\(e.value)`, which is not a customer field.", at: e.span)
                    .suggesting(e.value, among: fields.map(\.name), at: e.span))
            } else if email?.type != .email {
                diagnostics.emit(Diagnostic(.typeMismatch, "The address field `\(e.value)` must have type email, not \(email!.type).", at: e.span))
            }
        } else {
            email = fields.first { $0.type == .email }
            if email == nil, let c {
                diagnostics.emit(Diagnostic(.missingKey, "The customer has no field of type email to send to.", at: c.span.subspan(offset: 0, length: 0))
                    .help("Declare the address field, for example `email: { type: email, pii: true }`."))
            }
        }
        var timezone: Field?
        if let t = c?.timezone {
            timezone = fields.first { $0.name == t.value }
            if timezone == nil {
                diagnostics.emit(Diagnostic(.unknownField, "`timezone` names `\(t.value)`, which is not a customer field.", at: t.span)
                    .suggesting(t.value, among: fields.map(\.name), at: t.span))
            } else if timezone?.type != .string {
                diagnostics.emit(Diagnostic(.typeMismatch, "The time zone field `\(t.value)` must have type string, not \(timezone!.type).", at: t.span))
            }
        }
        return CustomerModel(table: c?.table?.value ?? "customers", key: key, fields: fields, email: email, timezone: timezone)
    }

    static func buildEvents(_ e: EventsSyntax?, span: Span, diagnostics: inout DiagnosticBag) -> EventModel {
        guard let e else {
            return EventModel(layout: .singleTable(table: "events", customerColumn: "customer_id", nameColumn: "event",
                                                   timeColumn: "occurred_at", propertiesColumn: "properties"), types: [], retention: nil)
        }
        let perEvent = e.layout?.value == "per_event_table"
        if perEvent, let c = e.columns["name"] ?? e.columns["properties"] {
            diagnostics.emit(Diagnostic(.invalidValue, "A per-event-table layout has no name or properties column.", at: c.span)
                .help("Each event type has its own table with one column per property; declare `customer` and `time` columns only."))
        }
        let customer = e.columns["customer"]?.value ?? "customer_id"
        let time = e.columns["time"]?.value ?? (perEvent ? "timestamp" : "occurred_at")
        let layout: EventModel.Layout = perEvent
            ? .perEventTable(customerColumn: customer, timeColumn: time)
            : .singleTable(table: e.table?.value ?? "events", customerColumn: customer, nameColumn: e.columns["name"]?.value ?? "event",
                           timeColumn: time, propertiesColumn: e.columns["properties"]?.value ?? "properties")
        if perEvent, let t = e.table {
            diagnostics.emit(Diagnostic(.invalidValue, "`table` has no meaning with the per-event-table layout.", at: t.span)
                .help("Name each event's table in its own entry: `cart_added: { table: cart_added, properties: { … } }`."))
        }
        var types: [EventType] = []
        for t in e.types {
            if t.name.value == "any" {
                diagnostics.emit(Diagnostic(.invalidName, "`any` is reserved for every event and cannot name an event type.", at: t.name.span))
                continue
            }
            Names.check(t.name, what: "event", diagnostics: &diagnostics)
            if !perEvent, let table = t.table {
                diagnostics.emit(Diagnostic(.invalidValue, "An event's `table` needs `layout: per_event_table`.", at: table.span))
            }
            let props = buildFields(t.properties, owner: "event `\(t.name.value)`", diagnostics: &diagnostics)
            types.append(EventType(name: t.name.value, sourceName: t.sourceName?.value ?? t.name.value,
                                   table: t.table?.value ?? t.name.value, properties: props, span: t.span))
        }
        return EventModel(layout: layout, types: types, retention: e.retention?.value)
    }

    static func buildFields(_ syntax: [FieldSyntax], owner: String, diagnostics: inout DiagnosticBag) -> [Field] {
        var fields: [Field] = []
        for f in syntax {
            Names.check(f.name, what: "field", diagnostics: &diagnostics)
            let type = resolveType(f, diagnostics: &diagnostics)
            if let c = f.column, c.value.isEmpty {
                diagnostics.emit(Diagnostic(.invalidValue, "`column` cannot be empty.", at: c.span))
            }
            fields.append(Field(name: f.name.value, type: type, nullable: f.nullable?.value ?? false, pii: f.pii?.value ?? false,
                                column: f.column.flatMap { $0.value.isEmpty ? nil : $0.value }, span: f.span))
        }
        _ = owner
        return fields
    }

    static func resolveType(_ f: FieldSyntax, diagnostics: inout DiagnosticBag) -> ValueType {
        guard let t = f.type else { return .error }
        if let v = f.values, t.value != "enum", let first = v.first {
            diagnostics.emit(Diagnostic(.invalidValue, "`values` only applies to `type: enum`.", at: first.span))
        }
        if let of = f.elementType, t.value != "list" {
            diagnostics.emit(Diagnostic(.invalidValue, "`of` only applies to `type: list`.", at: of.span))
        }
        switch t.value {
        case "enum":
            guard let values = f.values, !values.isEmpty else {
                diagnostics.emit(Diagnostic(.missingKey, "The enum field `\(f.name.value)` lists no values.", at: t.span)
                    .help("Write `{ type: enum, values: [US, CA, GB] }`."))
                return .error
            }
            var seen: [String: Span] = [:]
            for v in values {
                if let first = seen[v.value] {
                    diagnostics.emit(Diagnostic(.duplicateDefinition, "The enum value `\(v.value)` is listed twice.", at: v.span).label(first, "First listed here."))
                }
                seen[v.value] = v.span
            }
            return .enumeration(EnumType(name: f.name.value, values: values.map(\.value)))
        case "list":
            guard let of = f.elementType else {
                diagnostics.emit(Diagnostic(.missingKey, "The list field `\(f.name.value)` does not say what it holds.", at: t.span)
                    .help("Write `{ type: list, of: string }`."))
                return .error
            }
            guard let element = ValueType.scalar(named: of.value) else {
                diagnostics.emit(Diagnostic(.invalidValue, "`\(of.value)` is not a type a list can hold.", at: of.span)
                    .suggesting(of.value, among: ["string", "int", "decimal", "bool", "timestamp", "date", "email", "url"], at: of.span))
                return .error
            }
            return .list(element)
        default:
            if let s = ValueType.scalar(named: t.value) { return s }
            diagnostics.emit(Diagnostic(.invalidValue, "`\(t.value)` is not a type.", at: t.span)
                .suggesting(t.value, among: ValueType.schemaNames, at: t.span)
                .note("Types: \(Suggestions.list(ValueType.schemaNames, conjunction: "and"))."))
            return .error
        }
    }
}
