import HeraldSource
import HeraldSyntax

/// The checked customer schema: what every name in a campaign is resolved against, and where each
/// logical field and event lives physically.
public struct Schema: Sendable {
    public var customer: CustomerModel
    public var events: EventModel
    public var relations: [RelationModel]
    public var sends: SendsTable?
    public var suppression: SuppressionTable?
    /// The consent rule as written; the checker types it like any audience rule.
    public var consent: Expr?
    public var span: Span

    public func relation(named name: String) -> RelationModel? { relations.first { $0.name == name } }
}

/// A typed field of the customer profile, an event or a relation.
public struct Field: Sendable, Hashable {
    public var name: String
    public var type: ValueType
    public var nullable: Bool
    public var pii: Bool
    /// The physical column (or JSON key for single-table event properties).
    public var column: String
    public var span: Span

    public init(name: String, type: ValueType, nullable: Bool = false, pii: Bool = false, column: String? = nil, span: Span) {
        self.name = name
        self.type = type
        self.nullable = nullable
        self.pii = pii
        self.column = column ?? name
        self.span = span
    }

    public var typeRef: TypeRef { TypeRef(type, nullable: nullable) }
}

/// The customer profile table.
public struct CustomerModel: Sendable {
    public var table: String
    /// The identifying field (declared, or implicit of type string).
    public var key: Field
    public var fields: [Field]
    /// The field holding the email address.
    public var email: Field?
    /// A field holding the customer's IANA time zone, for quiet hours and schedules.
    public var timezone: Field?

    public func field(named name: String) -> Field? {
        if name == key.name { return key }
        return fields.first { $0.name == name }
    }

    public var allFieldNames: [String] {
        var names = fields.map(\.name)
        if !names.contains(key.name) { names.insert(key.name, at: 0) }
        return names
    }
}

/// Where events live and which types exist.
public struct EventModel: Sendable {
    public enum Layout: Sendable, Hashable {
        /// One table for all events: customer, name, time and a JSON properties column.
        case singleTable(table: String, customerColumn: String, nameColumn: String, timeColumn: String, propertiesColumn: String)
        /// One table per event type with a column per property (the Segment/RudderStack warehouse convention).
        case perEventTable(customerColumn: String, timeColumn: String)
    }

    public var layout: Layout
    public var types: [EventType]
    public var retention: Interval?

    public func type(named name: String) -> EventType? { types.first { $0.name == name } }

    /// The properties every event type shares, with the same type: what `any` can filter on.
    public var sharedProperties: [Field] {
        guard let first = types.first else { return [] }
        return first.properties.filter { p in types.allSatisfy { $0.property(named: p.name)?.type == p.type } }
    }
}

/// One event type and its typed properties.
public struct EventType: Sendable, Hashable {
    public var name: String
    /// The value stored in the name column (single table).
    public var sourceName: String
    /// The table holding this event (per-event layout).
    public var table: String
    public var properties: [Field]
    public var span: Span

    public func property(named name: String) -> Field? { properties.first { $0.name == name } }
}

/// A one-to-many table keyed by customer (recommendations and other model outputs).
public struct RelationModel: Sendable, Hashable {
    public var name: String
    public var table: String
    public var customerColumn: String
    public var orderBy: String?
    public var fields: [Field]
    public var span: Span

    public func field(named name: String) -> Field? { fields.first { $0.name == name } }
}

/// The log of sends that frequency caps and re-entry rules read.
public struct SendsTable: Sendable, Hashable {
    public var table: String
    public var customerColumn: String
    public var campaignColumn: String
    public var armColumn: String
    public var sentAtColumn: String
}

/// Customers who must never receive marketing mail, whatever the profile says.
public struct SuppressionTable: Sendable, Hashable {
    public var table: String
    /// Suppressed by customer key, or by email address.
    public var customerColumn: String?
    public var emailColumn: String?
}
