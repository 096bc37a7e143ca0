/// H01xx: the shape of project, schema, segment and campaign documents.
extension DiagnosticKind {
    public static let unknownKey = DiagnosticKind("H0101", "unknown-key", .error,
        summary: "A mapping has a key Herald does not know.",
        explanation: """
        Each document has a fixed set of keys (see `herald schema` for the editor schema). An unknown
        key is usually a typo, and silently ignoring it would drop what you meant to say.

        ```yaml
        frequncy_cap: 1 per 7d     # error: did you mean `frequency_cap`?
        ```
        """)

    public static let missingKey = DiagnosticKind("H0102", "missing-key", .error,
        summary: "A required key is missing.",
        explanation: """
        The document lacks a key Herald needs: for example a campaign without `campaign:` (its name)
        or `message:`, or a customer field without `type:`. The diagnostic points at the mapping
        that should hold it and the help says what the key is for.
        """)

    public static let wrongNodeKind = DiagnosticKind("H0103", "wrong-node-kind", .error,
        summary: "A value has the wrong YAML shape (mapping, list or single value).",
        explanation: """
        The key expects a mapping (`key: value` pairs), a list (`- item`) or a single value, and the
        file has another shape there.

        ```yaml
        audience: segment.loyal          # error: `audience` is a mapping
        audience:
          where: segment.loyal           # right
        ```
        """)

    public static let invalidValue = DiagnosticKind("H0104", "invalid-value", .error,
        summary: "A value is not one the key accepts.",
        explanation: """
        The value has the right shape but not an accepted form: `kind:` must be `marketing` or
        `transactional`, booleans are `true` or `false`, durations look like `48h` or `7d`, caps
        like `1 per 7d`, times of day like `21:00`. The message names what was expected.
        """)

    public static let missingProjectFile = DiagnosticKind("H0105", "missing-project-file", .error,
        summary: "The project folder lacks `herald.yaml` or `schema.yaml`.",
        explanation: """
        A Herald project is a folder with `herald.yaml` (project settings), `schema.yaml` (customer
        schema), and the folders `segments/`, `campaigns/` and `layouts/`. Point the command at that
        folder, or at a file inside it.
        """)

    public static let invalidName = DiagnosticKind("H0106", "invalid-name", .error,
        summary: "A name is not a valid Herald identifier.",
        explanation: """
        Campaign, segment, field, event, property, relation, block and variant names start with a
        letter and contain only ASCII letters, digits, `_` and `-` (campaigns and segments) or `_`
        (everything else), at most 63 characters. They become folder names, SQL identifiers and
        template variables, so they must be safe in all three.
        """)

    public static let structureKinds: [DiagnosticKind] = [
        unknownKey, missingKey, wrongNodeKind, invalidValue, missingProjectFile, invalidName,
    ]
}
