import HeraldSupport

/// JSON Schemas of the files a project is made of (`herald schema`), with a description of every
/// key, for editors (yaml-language-server: completion, hover, and checks as one types). The keys
/// come from the same lists the readers accept; a test keeps the two in step.
public enum FileSchemas {
    public static let kinds = ["project", "schema", "segment", "campaign"]

    public static func schema(_ kind: String) -> JSONValue? {
        switch kind {
        case "project": return document("herald.yaml", project)
        case "schema": return document("schema.yaml", customerSchema)
        case "segment": return document("segments/*.yaml", segment)
        case "campaign": return document("campaigns/*.yaml", campaign)
        default: return nil
        }
    }

    static func document(_ title: String, _ body: JSONValue) -> JSONValue {
        var o = body.objectValue ?? [:]
        o["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        o["title"] = .string("Herald \(title)")
        return .object(o)
    }

    // Building blocks -------------------------------------------------------------------------------

    static func string(_ description: String, pattern: String? = nil) -> JSONValue {
        var o: [String: JSONValue] = ["type": "string", "description": .string(description)]
        if let pattern { o["pattern"] = .string(pattern) }
        return .object(o)
    }

    static func object(_ description: String, _ properties: [String: JSONValue], required: [String] = []) -> JSONValue {
        var o: [String: JSONValue] = ["type": "object", "description": .string(description), "properties": .object(properties),
                                      "additionalProperties": false]
        if !required.isEmpty { o["required"] = .array(required.map { .string($0) }) }
        return .object(o)
    }

    static func map(_ description: String, of value: JSONValue) -> JSONValue {
        ["type": "object", "description": .string(description), "additionalProperties": value]
    }

    static func oneOf(_ description: String, _ options: [JSONValue]) -> JSONValue {
        ["description": .string(description), "anyOf": .array(options)]
    }

    static let duration = "^[0-9]+[mhdw]$"
    static let clock = "^[0-2][0-9]:[0-5][0-9]$"
    static let cap = string("At most N sends in any window of the given length, such as `1 per 7d`.", pattern: "^[0-9]+ per [0-9]+[mhdw]$")
    static let quietHours = object("Local times when nothing is sent, in the customer's time zone (or the project's).", [
        "from": string("Start, `HH:MM` (24-hour).", pattern: clock),
        "to": string("End, `HH:MM`; may be earlier than `from` (quiet hours across midnight).", pattern: clock),
        "policy": ["enum": ["defer", "skip"], "description": "`defer` (default): send when the quiet hours end; `skip`: drop the send."],
    ], required: ["from", "to"])
    static let expression = "An expression of Herald's language (grammar/expression.ebnf)."

    // Files ----------------------------------------------------------------------------------------

    static let project = object("Project settings: SQL targets, sender defaults, compliance and limits.", [
        "project": string("The project's name."),
        "targets": ["type": "array", "description": "SQL dialects to build, in order.",
                    "items": ["enum": ["sqlite", "postgres", "duckdb", "clickhouse", "spark", "bigquery", "snowflake"]]],
        "timezone": string("The project's IANA time zone (`Europe/Berlin`), for schedules and quiet hours without a customer zone."),
        "from": string("The default sender, `news@acme.example` or `Acme <news@acme.example>`."),
        "postal_address": string("The sender's postal address, required in marketing mail (CAN-SPAM); print it with `{{ postal_address }}`."),
        "frequency_cap": cap,
        "quiet_hours": quietHours,
        "limits": object("Bounds on input sizes; exceeding one is a diagnostic (H09xx).",
                         Dictionary(uniqueKeysWithValues: ProjectSyntax.limitKeys.map { ($0, ["type": "integer", "minimum": 1, "description": .string("The limit `\($0)`.")]) })),
    ], required: ["project"])

    static let fieldType: JSONValue = ["enum": ["string", "int", "decimal", "bool", "timestamp", "date", "enum", "email", "url", "list"],
                                       "description": "The field's type."]
    static let field = object("A field.", [
        "type": fieldType,
        "nullable": ["type": "boolean", "description": "Whether the value may be null (templates then need `default`)."],
        "pii": ["type": "boolean", "description": "Personal data: never put into URLs, never selected unless a template prints it."],
        "values": ["type": "array", "items": ["type": "string"], "description": "The values of an `enum` field."],
        "of": string("The element type of a `list` field."),
        "column": string("The column name, when it differs from the field name."),
        "description": string("What the field means."),
    ], required: ["type"])
    static let fields = map("Fields by name.", of: oneOf("A field: its type, or its full description.", [string("The type."), field]))
    static let tableColumns = object("A table and the names of its columns.", [
        "table": string("The table name."),
        "columns": map("Column names by role.", of: string("A column name.")),
    ])

    static let customerSchema = object("The customer schema: logical fields and events, and the tables they live in.", [
        "customer": object("The customer table.", [
            "table": string("The table name."),
            "key": string("The field that identifies a customer."),
            "email": string("The field holding the address mail goes to."),
            "timezone": string("The field holding the customer's IANA time zone."),
            "fields": fields,
            "consent": string("The consent rule ANDed into every marketing audience, such as `customer.email_consent`. " + expression),
        ], required: ["table", "key", "fields"]),
        "events": object("The events customers produce.", [
            "layout": ["enum": ["single_table", "per_event_table"], "description": "One table with JSON properties, or one table per event type."],
            "table": string("The events table (single_table)."),
            "columns": object("Column names of the events table.", Dictionary(uniqueKeysWithValues: EventsSyntax.columnKeys.map {
                ($0, string("The column holding the event's \($0).")) })),
            "retention": string("How long events are kept, such as `365d`; longer windows are errors.", pattern: duration),
            "types": map("Event types by name.", of: oneOf("Property types by name, or a full description.", [
                map("Properties by name.", of: string("A property type.")),
                object("An event type.", ["table": string("Its table (per_event_table)."), "source_name": string("Its value in the name column."),
                                          "properties": map("Properties by name.", of: oneOf("A property.", [string("The type."), field]))]),
            ])),
        ], required: ["types"]),
        "relations": map("One-to-many tables, such as model-produced recommendations, for loops in templates.", of: object("A relation.", [
            "table": string("The table name."), "key": string("The column holding the customer key."),
            "order_by": string("The field rows are ordered by."), "fields": fields,
        ], required: ["table", "fields"])),
        "sends": tableColumns,
        "suppression": tableColumns,
    ], required: ["customer", "events"])

    static let segment = object("A named audience, reusable as `segment.NAME`.", [
        "segment": string("The segment's name.", pattern: "^[a-z][a-z0-9_]*$"),
        "description": string("What the segment means, for people."),
        "owner": string("Who answers questions about it."),
        "where": string("Who is in the segment. " + expression),
    ], required: ["segment", "where"])

    static let html = string("HTML in Herald's typed Liquid; outputs are escaped by their context.")
    static let block = oneOf("A block: HTML, alternatives chosen by `when`, or a loop over a relation.", [
        html,
        ["type": "array", "description": "Alternatives, tried in order.", "items": object("An alternative.", [
            "when": string("When this alternative is shown. " + expression),
            "otherwise": ["type": "null", "description": "The alternative when no `when` holds."],
            "html": html,
        ], required: ["html"])],
        object("A loop.", ["for": string("`VAR in customer.RELATION limit N`."), "html": html, "empty": html], required: ["for", "html"]),
    ])

    static let campaign = object("A campaign: who receives what, when.", [
        "campaign": string("The campaign's name.", pattern: "^[a-z][a-z0-9-]*$"),
        "description": string("What the campaign is for."),
        "owner": string("Who answers questions about it."),
        "kind": ["enum": ["marketing", "transactional"], "description": "Marketing mail needs consent, an unsubscribe link and the postal address."],
        "audience": object("Who receives it.", ["where": string("The audience rule. " + expression)]),
        "trigger": object("An event trigger or a schedule.", [
            "on": string("The event type that starts a send."),
            "where": string("A condition on the event and the customer. " + expression),
            "delay": string("How long after the event the send is due.", pattern: duration),
            "exit_if": oneOf("Event types that cancel a waiting send.", [string("An event type."), ["type": "array", "items": ["type": "string"]]]),
            "reentry": string("`once`, `always` or `every DURATION`."),
            "once": string("A one-time send at this instant (ISO 8601 with a zone)."),
            "every": ["enum": ["day", "week"], "description": "A recurring schedule."],
            "day": string("The weekday of a weekly schedule."),
            "at": string("The local time of a scheduled send.", pattern: clock),
            "timezone": string("`customer`, `project` or an IANA zone."),
        ]),
        "frequency_cap": cap,
        "quiet_hours": quietHours,
        "message": object("The email.", [
            "from": string("The sender, overriding `herald.yaml`."),
            "reply_to": string("The reply-to address."),
            "subject": string("The subject, in Liquid."),
            "preheader": string("The preview text inboxes show after the subject."),
            "layout": string("A layout file with `{{ blocks.NAME }}` slots, relative to the project."),
            "html": html,
            "text": string("The plain-text part; derived from the HTML when absent."),
            "blocks": map("Blocks filling the layout's slots, by slot name.", of: block),
            "amp": ["type": "boolean", "description": "Also generate and validate an AMP for Email part."],
            "postal_address": string("The postal address, overriding `herald.yaml`."),
        ], required: ["subject"]),
        "experiment": object("An A/B test with a holdout.", [
            "id": string("The experiment id; part of the arm assignment hash."),
            "holdout": string("The share that receives nothing, such as `10%`.", pattern: "^[0-9]+(\\.[0-9]+)?%$"),
            "variants": map("Arms by name.", of: object("An arm.", [
                "weight": ["type": "integer", "minimum": 1, "description": "Its share of the non-holdout buckets."],
                "subject": string("Its subject."), "preheader": string("Its preheader."), "from": string("Its sender."),
                "blocks": map("Blocks it replaces.", of: block),
            ])),
            "goal": string("The conversion measured after the send. " + expression),
        ], required: ["id", "variants"]),
    ], required: ["campaign", "kind", "message"])
}
