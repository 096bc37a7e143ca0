/// H02xx: the audience expression language: syntax, names, types and segments.
extension DiagnosticKind {
    public static let expressionSyntax = DiagnosticKind("H0201", "expression-syntax", .error,
        summary: "An expression is not well-formed.",
        explanation: """
        The expression does not follow the grammar in `grammar/expression.ebnf`. The message names
        what was expected at the marked place.

        ```yaml
        where: count(cart_added within 48h) >= 1 && customer.country = "US"
        ```
        Herald writes `and`, `or`, `not` and compares with `==`:
        ```yaml
        where: count(cart_added within 48h) >= 1 and customer.country == "US"
        ```
        """)

    public static let unknownName = DiagnosticKind("H0202", "unknown-name", .error,
        summary: "A name in an expression refers to nothing.",
        explanation: """
        Expressions start names with `customer.` (a profile field), `event.` (a property of the
        event being filtered or the trigger event), `segment.` (a named segment) or use `as_of`
        (the time the audience is evaluated). Inside a template loop, the loop variable is a name too.

        ```yaml
        where: custmer.country == "US"     # did you mean `customer`?
        ```
        """)

    public static let unknownField = DiagnosticKind("H0203", "unknown-field", .error,
        summary: "A customer field is not in the schema.",
        explanation: """
        `customer.NAME` must name a field declared under `customer.fields` in `schema.yaml`. The
        fix-it offers the closest declared name. If the field is new, add it to the schema first
        (the data team owns that file).
        """)

    public static let unknownEvent = DiagnosticKind("H0204", "unknown-event", .error,
        summary: "An event type is not in the schema.",
        explanation: """
        Aggregates such as `count(EVENT within 30d)` and triggers (`on: EVENT`) must name an event
        type declared under `events.types` in `schema.yaml`, or `any` for every event.
        """)

    public static let unknownProperty = DiagnosticKind("H0205", "unknown-property", .error,
        summary: "An event property is not declared for that event.",
        explanation: """
        `event.NAME` in a `where` filter and `EVENT.NAME` in `sum`/`avg`/`min`/`max`/`first`/`last`
        must name a property declared for that event type in `schema.yaml`. With `any`, only
        properties shared by every event type can be used.
        """)

    public static let unknownSegment = DiagnosticKind("H0206", "unknown-segment", .error,
        summary: "A segment reference names no segment.",
        explanation: """
        `segment.NAME` must match the `segment:` name of a file in `segments/`. Names are
        case-sensitive and use `_`, never `-`.
        """)

    public static let unknownFunction = DiagnosticKind("H0207", "unknown-function", .error,
        summary: "A function name is not one the language has.",
        explanation: """
        The expression language has the aggregates `count`, `exists`, `sum`, `avg`, `min`, `max`,
        `first` and `last` over events, and the functions `days_since`, `quintile`, `percentile`,
        `timestamp`, `date`, `lower`, `upper` and `length`.
        """)

    public static let typeMismatch = DiagnosticKind("H0208", "type-mismatch", .error,
        summary: "A value has a type the operation cannot use.",
        explanation: """
        Both sides of a comparison must have compatible types, arithmetic needs numbers (or a
        timestamp and a duration), `and`/`or`/`not` need booleans, and an audience rule must be a
        boolean. The message names both types.

        ```yaml
        where: customer.lifetime_value > "100"    # decimal compared with string
        where: customer.lifetime_value > 100      # right
        ```
        """)

    public static let unknownEnumValue = DiagnosticKind("H0209", "unknown-enum-value", .error,
        summary: "A value is not one of the values of an enum field.",
        explanation: """
        An enum field (for example `country: { type: enum, values: [US, CA, GB] }`) can only equal
        one of its declared values, so a comparison with any other value is always false and almost
        certainly a typo. The message lists the allowed values.
        """)

    public static let unhandledNull = DiagnosticKind("H0210", "unhandled-null", .error,
        summary: "A value that may be null is used without a default or a null test.",
        explanation: """
        Nullable fields, `avg`/`min`/`max`/`first`/`last` of possibly no events, and divisions may be
        null. SQL engines treat comparisons with null as unknown, which silently drops customers, so
        Herald asks you to decide:

        ```yaml
        where: customer.age > 30                  # error: `customer.age` may be null
        where: (customer.age ?? 0) > 30           # treat null as 0
        where: customer.age is not null and customer.age > 30
        ```
        """)

    public static let wrongArguments = DiagnosticKind("H0211", "wrong-arguments", .error,
        summary: "A function or aggregate is called with the wrong arguments.",
        explanation: """
        Each function takes a fixed number and kind of arguments: `days_since(timestamp)`,
        `quintile(number)`, `timestamp("2026-11-01T09:00:00Z")`; `sum`, `avg`, `min` and `max` need
        an event property (`sum(purchase_completed.total within 90d)`), `count` and `exists` do not.
        """)

    public static let segmentCycle = DiagnosticKind("H0212", "segment-cycle", .error,
        summary: "Segments refer to each other in a cycle.",
        explanation: """
        A segment cannot be defined in terms of itself, directly or through other segments. The
        message shows the whole path, for example `a → b → a`; break the cycle by rewriting one of
        the segments without the reference.
        """)

    public static let duplicateDefinition = DiagnosticKind("H0213", "duplicate-definition", .error,
        summary: "Two files define a campaign or segment with the same name.",
        explanation: """
        Campaign and segment names identify them in bundles, SQL and `segment.NAME` references, so
        each must be unique across the project. Both places are shown; rename one.
        """)

    public static let unusedSegment = DiagnosticKind("H0214", "unused-segment", .warning,
        summary: "A segment is used by no campaign and no other segment.",
        explanation: """
        Unused segments still cost review time and may mislead readers into thinking they are
        live. Delete the file, or reference it from a campaign.
        """)

    public static let windowBeyondRetention = DiagnosticKind("H0215", "window-beyond-retention", .warning,
        summary: "An aggregate window is longer than the schema keeps events.",
        explanation: """
        `events.retention` in `schema.yaml` says how long events are kept. A window longer than that
        (`within 400d` with a retention of `365d`) silently counts fewer events than it suggests.
        """)

    public static let unknownRelation = DiagnosticKind("H0216", "unknown-relation", .error,
        summary: "A relation is not in the schema.",
        explanation: """
        `customer.RELATION` in a template loop or a block's `for:` must name a relation declared under
        `relations` in `schema.yaml` (a one-to-many table such as model-produced recommendations).
        """)

    public static let misplacedEventReference = DiagnosticKind("H0217", "misplaced-event-reference", .error,
        summary: "`event.NAME` is used where there is no event.",
        explanation: """
        `event.` refers to one event: the event being filtered inside an aggregate's `where`, or the
        event that fired a trigger in `trigger.where`. Elsewhere there is no current event; use an
        aggregate such as `last(cart_added.cart_value)` instead.
        """)

    public static let confusableCharacter = DiagnosticKind("H0218", "confusable-character", .warning,
        summary: "Text contains a character that looks like another one.",
        explanation: """
        Curly quotes, non-breaking spaces, dashes and Cyrillic or Greek letters look like ASCII but
        compare differently: `"UЅ"` with a Cyrillic `Ѕ` never equals `"US"`. Such characters
        usually come from copying out of documents or chat. The message names the character and
        what it looks like.
        """)

    public static let numberOutOfRange = DiagnosticKind("H0219", "number-out-of-range", .error,
        summary: "A number or duration is out of range.",
        explanation: """
        Integers range up to 9223372036854775807, durations up to 100 years, percentages from 0% to
        100%. A larger literal is almost certainly a typo.
        """)

    public static let invalidLiteral = DiagnosticKind("H0220", "invalid-literal", .error,
        summary: "A timestamp or date literal is not valid.",
        explanation: """
        `timestamp("…")` takes an ISO 8601 instant with a zone (`2026-11-01T09:00:00Z` or
        `2026-11-01T10:00:00+01:00`); `date("…")` takes a calendar date (`2026-11-01`).
        """)

    public static let expressionKinds: [DiagnosticKind] = [
        expressionSyntax, unknownName, unknownField, unknownEvent, unknownProperty, unknownSegment, unknownFunction,
        typeMismatch, unknownEnumValue, unhandledNull, wrongArguments, segmentCycle, duplicateDefinition, unusedSegment,
        windowBeyondRetention, unknownRelation, misplacedEventReference, confusableCharacter, numberOutOfRange,
        invalidLiteral,
    ]
}
