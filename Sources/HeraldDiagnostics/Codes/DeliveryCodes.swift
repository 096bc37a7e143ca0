/// H07xx: compliance, triggers, schedules, caps and experiments.
extension DiagnosticKind {
    public static let missingConsentRule = DiagnosticKind("H0701", "missing-consent-rule", .error,
        summary: "The project has marketing campaigns but the schema has no consent rule.",
        explanation: """
        Every marketing audience is ANDed with the schema's consent rule, so that nobody who said no
        is ever mailed. Without `customer.consent` in `schema.yaml`, Herald cannot guarantee that.

        ```yaml
        customer:
          consent: customer.email_consent
        ```
        """)

    public static let missingUnsubscribe = DiagnosticKind("H0702", "missing-unsubscribe", .error,
        summary: "A marketing email has no unsubscribe link.",
        explanation: """
        CAN-SPAM, Gmail's and Yahoo's bulk-sender rules require a visible unsubscribe link in every
        marketing email. Link to the recipient's unsubscribe URL, which the send system supplies:

        ```html
        <a href="{{ unsubscribe_url }}">Unsubscribe</a>
        ```
        The link may be in the campaign's body or in its layout. Herald also emits the RFC 8058
        `List-Unsubscribe` headers for one-click unsubscribe.
        """)

    public static let missingPostalAddress = DiagnosticKind("H0703", "missing-postal-address", .error,
        summary: "A marketing email does not show the sender's postal address.",
        explanation: """
        CAN-SPAM requires a valid physical postal address in every commercial email. Set
        `postal_address` in `herald.yaml` (or in the campaign's message) and print it with
        `{{ postal_address }}` in the body or the layout.
        """)

    public static let piiInURL = DiagnosticKind("H0704", "pii-in-url", .error,
        summary: "A field marked `pii` is put into a URL.",
        explanation: """
        URLs end up in server logs, analytics tools and referrer headers. A field the schema marks
        `pii: true` (an email address, a name) must not be part of a link or image address. Use an
        opaque identifier such as the customer key instead.
        """)

    public static let invalidExperiment = DiagnosticKind("H0705", "invalid-experiment", .error,
        summary: "An experiment's holdout or weights are out of range.",
        explanation: """
        The holdout is a percentage from 0% to 50% (precision 0.01%), every variant needs a positive
        `weight`, and an experiment needs at least one variant. Arms are assigned over 10,000
        buckets: holdout buckets first, then the variants by weight in declared order.
        """)

    public static let unknownOverride = DiagnosticKind("H0706", "unknown-override", .error,
        summary: "An experiment variant overrides a part the message does not have.",
        explanation: """
        A variant may override `subject`, `preheader`, `from` and any block the message fills. A
        block name that is not a slot of the message's layout would never be shown.
        """)

    public static let invalidSchedule = DiagnosticKind("H0707", "invalid-schedule", .error,
        summary: "A trigger, delay, schedule, cap or quiet-hours setting is not valid.",
        explanation: """
        Times of day are `HH:MM` (24-hour), instants are ISO 8601 with a zone
        (`2026-12-01T09:00:00Z`), time zones are IANA names (`Europe/Berlin`), `customer` or
        `project`; caps are `N per DURATION` (`1 per 7d`); re-entry is `once`, `always` or
        `every DURATION`. Weekly schedules need `day:`.
        """)

    public static let invalidSender = DiagnosticKind("H0708", "invalid-sender", .error,
        summary: "A sender address is missing or not a valid address.",
        explanation: """
        Every message needs a `from` address, in the campaign or in `herald.yaml`, written as
        `news@acme.example` or `Acme <news@acme.example>`.
        """)

    public static let missingSendsLog = DiagnosticKind("H0709", "missing-sends-log", .error,
        summary: "A triggered or scheduled campaign needs the sends log, and the schema declares none.",
        explanation: """
        Who is due a send at `as_of` depends on who was already sent what: a send consumes the
        triggers before it, re-entry rules and frequency caps count past sends. The send system
        records every send (and every held-out decision) in a table that the eligibility query reads:

        ```yaml
        sends:
          table: herald_sends
          columns: { customer: customer_id, campaign: campaign, arm: arm, sent_at: sent_at }
        ```
        """)

    public static let deliveryKinds: [DiagnosticKind] = [
        missingConsentRule, missingUnsubscribe, missingPostalAddress, piiInURL, invalidExperiment, unknownOverride,
        invalidSchedule, invalidSender, missingSendsLog,
    ]
}
