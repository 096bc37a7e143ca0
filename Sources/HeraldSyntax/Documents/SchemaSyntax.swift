import HeraldDiagnostics
import HeraldSource
import HeraldYAML

/// `schema.yaml` as written: the customer profile, events, relations and bookkeeping tables.
public struct SchemaSyntax: Sendable {
    public var customer: CustomerSyntax?
    public var events: EventsSyntax?
    public var relations: [RelationSyntax] = []
    public var sends: TableSyntax?
    public var suppression: TableSyntax?
    public var span: Span

    public static let keys = ["customer", "events", "relations", "sends", "suppression"]

    public static func read(_ root: YAMLNode, limits: ExpressionLimits, diagnostics: inout DiagnosticBag) -> SchemaSyntax {
        var s = SchemaSyntax(span: root.span)
        guard let m = MappingReader(root, context: "`schema.yaml`", keys: keys, diagnostics: &diagnostics) else { return s }
        m.require("customer", help: "Describe the customer profile table under `customer:`.", diagnostics: &diagnostics)
        if let c = m.node("customer") { s.customer = CustomerSyntax.read(c, limits: limits, diagnostics: &diagnostics) }
        if let e = m.node("events") { s.events = EventsSyntax.read(e, diagnostics: &diagnostics) }
        for pair in m.entries("relations", diagnostics: &diagnostics) ?? [] {
            if let r = RelationSyntax.read(pair, diagnostics: &diagnostics) { s.relations.append(r) }
        }
        if let n = m.node("sends") {
            s.sends = TableSyntax.read(n, context: "`sends`", columns: ["customer", "campaign", "arm", "sent_at"], diagnostics: &diagnostics)
        }
        if let n = m.node("suppression") {
            s.suppression = TableSyntax.read(n, context: "`suppression`", columns: ["customer", "email"], diagnostics: &diagnostics)
        }
        m.reportUnknownKeys(diagnostics: &diagnostics)
        return s
    }
}

/// `customer:`: the profile table, its key, its fields and the consent rule.
public struct CustomerSyntax: Sendable {
    public var table: Located<String>?
    public var key: Located<String>?
    public var email: Located<String>?
    public var timezone: Located<String>?
    public var fields: [FieldSyntax] = []
    public var consent: Expr?
    public var span: Span

    public static let keys = ["table", "key", "email", "timezone", "fields", "consent"]

    static func read(_ node: YAMLNode, limits: ExpressionLimits, diagnostics: inout DiagnosticBag) -> CustomerSyntax? {
        guard let m = MappingReader(node, context: "`customer`", keys: keys, diagnostics: &diagnostics) else { return nil }
        var c = CustomerSyntax(span: node.span)
        m.require("table", help: "Name the profile table: `table: customers`.", diagnostics: &diagnostics)
        m.require("key", help: "Name the field that identifies a customer: `key: customer_id`.", diagnostics: &diagnostics)
        m.require("fields", help: "Declare the profile fields under `fields:`.", diagnostics: &diagnostics)
        c.table = m.scalar("table", diagnostics: &diagnostics)
        c.key = m.scalar("key", diagnostics: &diagnostics)
        c.email = m.scalar("email", diagnostics: &diagnostics)
        c.timezone = m.scalar("timezone", diagnostics: &diagnostics)
        for pair in m.entries("fields", diagnostics: &diagnostics) ?? [] {
            if let f = FieldSyntax.read(pair, diagnostics: &diagnostics) { c.fields.append(f) }
        }
        if let text = m.text("consent", diagnostics: &diagnostics) {
            let (e, d) = ExpressionParser.parse(text, limits: limits)
            diagnostics.merge(d)
            c.consent = e
        }
        m.reportUnknownKeys(diagnostics: &diagnostics)
        return c
    }
}

/// One typed field: `name: decimal` or `name: { type: enum, values: [...], nullable: true, pii: true, column: x }`.
public struct FieldSyntax: Sendable {
    public var name: Located<String>
    public var type: Located<String>?
    public var nullable: Located<Bool>?
    public var pii: Located<Bool>?
    public var values: [Located<String>]?
    public var elementType: Located<String>?
    public var column: Located<String>?
    public var span: Span

    public static let keys = ["type", "nullable", "pii", "values", "of", "column", "description"]

    static func read(_ pair: YAMLPair, diagnostics: inout DiagnosticBag) -> FieldSyntax? {
        let name = Located(pair.keyText, pair.key.span)
        var f = FieldSyntax(name: name, span: pair.key.span.union(pair.value.span))
        if let s = pair.value.scalar {
            if s.isNull {
                diagnostics.emit(Diagnostic(.missingKey, "The field `\(name.value)` has no type.", at: pair.key.span)
                    .help("Write `\(name.value): string` or another type: string, int, decimal, bool, timestamp, date, enum, email, url, list."))
                return nil
            }
            f.type = Located(s.value, pair.value.span)
            return f
        }
        guard let m = MappingReader(pair.value, context: "the field `\(name.value)`", keys: keys, diagnostics: &diagnostics) else { return nil }
        m.require("type", help: "Give the field a type: string, int, decimal, bool, timestamp, date, enum, email, url or list.", diagnostics: &diagnostics)
        f.type = m.scalar("type", diagnostics: &diagnostics)
        f.nullable = m.bool("nullable", diagnostics: &diagnostics)
        f.pii = m.bool("pii", diagnostics: &diagnostics)
        if let items = m.list("values", diagnostics: &diagnostics) {
            f.values = items.compactMap { item in
                guard let s = item.scalar else {
                    diagnostics.emit(Diagnostic(.wrongNodeKind, "Each enum value must be a single value, not \(item.shapeDescription).", at: item.span))
                    return nil
                }
                return Located(s.value, item.span)
            }
        }
        f.elementType = m.scalar("of", diagnostics: &diagnostics)
        f.column = m.scalar("column", diagnostics: &diagnostics)
        m.reportUnknownKeys(diagnostics: &diagnostics)
        return f
    }
}

/// `events:`: where events live (one table, or one table per event) and their typed properties.
public struct EventsSyntax: Sendable {
    public var layout: Located<String>?
    public var table: Located<String>?
    public var columns: [String: Located<String>] = [:]
    public var retention: Located<Interval>?
    public var types: [EventTypeSyntax] = []
    public var span: Span

    public static let keys = ["layout", "table", "columns", "retention", "types"]
    public static let columnKeys = ["customer", "name", "time", "properties"]

    static func read(_ node: YAMLNode, diagnostics: inout DiagnosticBag) -> EventsSyntax? {
        guard let m = MappingReader(node, context: "`events`", keys: keys, diagnostics: &diagnostics) else { return nil }
        var e = EventsSyntax(span: node.span)
        e.layout = m.choice("layout", ["single_table", "per_event_table"], diagnostics: &diagnostics)
        e.table = m.scalar("table", diagnostics: &diagnostics)
        if let c = m.node("columns"), let cm = MappingReader(c, context: "`events.columns`", keys: columnKeys, diagnostics: &diagnostics) {
            for key in columnKeys { if let v = cm.scalar(key, diagnostics: &diagnostics) { e.columns[key] = v } }
            cm.reportUnknownKeys(diagnostics: &diagnostics)
        }
        e.retention = m.duration("retention", diagnostics: &diagnostics)
        m.require("types", help: "Declare the event types and their properties under `types:`.", diagnostics: &diagnostics)
        for pair in m.entries("types", diagnostics: &diagnostics) ?? [] {
            if let t = EventTypeSyntax.read(pair, diagnostics: &diagnostics) { e.types.append(t) }
        }
        m.reportUnknownKeys(diagnostics: &diagnostics)
        return e
    }
}

/// One event type. Short form: `cart_added: { product_id: string }`; long form (for a per-event
/// table or a stored name that differs): `cart_added: { table: …, source_name: …, properties: { … } }`.
public struct EventTypeSyntax: Sendable {
    public var name: Located<String>
    public var table: Located<String>?
    /// The name stored in the events table when it differs from `name` (`"Order Completed"`).
    public var sourceName: Located<String>?
    public var properties: [FieldSyntax] = []
    public var span: Span

    static func read(_ pair: YAMLPair, diagnostics: inout DiagnosticBag) -> EventTypeSyntax? {
        var t = EventTypeSyntax(name: Located(pair.keyText, pair.key.span), span: pair.key.span.union(pair.value.span))
        if let s = pair.value.scalar, s.isNull { return t }
        guard let pairs = pair.value.pairs else {
            diagnostics.emit(Diagnostic(.wrongNodeKind, "The event `\(pair.keyText)` must map property names to types, not \(pair.value.shapeDescription).",
                                        at: pair.value.span))
            return nil
        }
        let isLong = pairs.contains { $0.keyText == "properties" }
        if isLong {
            guard let m = MappingReader(pair.value, context: "the event `\(pair.keyText)`", keys: ["table", "source_name", "properties"],
                                        diagnostics: &diagnostics) else { return nil }
            t.table = m.scalar("table", diagnostics: &diagnostics)
            t.sourceName = m.scalar("source_name", diagnostics: &diagnostics)
            for p in m.entries("properties", diagnostics: &diagnostics) ?? [] {
                if let f = FieldSyntax.read(p, diagnostics: &diagnostics) { t.properties.append(f) }
            }
            m.reportUnknownKeys(diagnostics: &diagnostics)
        } else {
            for p in pairs { if let f = FieldSyntax.read(p, diagnostics: &diagnostics) { t.properties.append(f) } }
        }
        return t
    }
}

/// A one-to-many table keyed by customer, such as model-produced recommendations.
public struct RelationSyntax: Sendable {
    public var name: Located<String>
    public var table: Located<String>?
    public var key: Located<String>?
    public var orderBy: Located<String>?
    public var fields: [FieldSyntax] = []
    public var span: Span

    static func read(_ pair: YAMLPair, diagnostics: inout DiagnosticBag) -> RelationSyntax? {
        var r = RelationSyntax(name: Located(pair.keyText, pair.key.span), span: pair.key.span.union(pair.value.span))
        guard let m = MappingReader(pair.value, context: "the relation `\(pair.keyText)`", keys: ["table", "key", "order_by", "fields"],
                                    diagnostics: &diagnostics) else { return nil }
        m.require("table", help: "Name the relation's table: `table: \(pair.keyText)`.", diagnostics: &diagnostics)
        m.require("fields", help: "Declare the relation's fields under `fields:`.", diagnostics: &diagnostics)
        r.table = m.scalar("table", diagnostics: &diagnostics)
        r.key = m.scalar("key", diagnostics: &diagnostics)
        r.orderBy = m.scalar("order_by", diagnostics: &diagnostics)
        for p in m.entries("fields", diagnostics: &diagnostics) ?? [] {
            if let f = FieldSyntax.read(p, diagnostics: &diagnostics) { r.fields.append(f) }
        }
        m.reportUnknownKeys(diagnostics: &diagnostics)
        return r
    }
}

/// A bookkeeping table (`sends`, `suppression`): its name and column names.
public struct TableSyntax: Sendable {
    public var table: Located<String>?
    public var columns: [String: Located<String>] = [:]
    public var span: Span

    static func read(_ node: YAMLNode, context: String, columns: [String], diagnostics: inout DiagnosticBag) -> TableSyntax? {
        guard let m = MappingReader(node, context: context, keys: ["table", "columns"], diagnostics: &diagnostics) else { return nil }
        var t = TableSyntax(span: node.span)
        m.require("table", help: "Name the table: `table: \(context.trimmingCharacters(in: CharacterSet(charactersIn: "`")))`.", diagnostics: &diagnostics)
        t.table = m.scalar("table", diagnostics: &diagnostics)
        if let c = m.node("columns"), let cm = MappingReader(c, context: "\(context) columns", keys: columns, diagnostics: &diagnostics) {
            for key in columns { if let v = cm.scalar(key, diagnostics: &diagnostics) { t.columns[key] = v } }
            cm.reportUnknownKeys(diagnostics: &diagnostics)
        }
        m.reportUnknownKeys(diagnostics: &diagnostics)
        return t
    }
}

import Foundation
