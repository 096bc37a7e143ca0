/// H04xx: email bodies, layouts and slots, HTML and AMP validation.
extension DiagnosticKind {
    public static let htmlSyntax = DiagnosticKind("H0401", "html-syntax", .error,
        summary: "An HTML body or layout is not well-formed.",
        explanation: """
        Herald parses every HTML part with libxml2's HTML parser and reports what it had to repair:
        unclosed or misnested tags, stray end tags, invalid entities. Mail clients repair such
        markup in different ways, so the same email renders differently in Gmail and Outlook.
        The diagnostic points at the line of the campaign or layout file where the problem is.
        """)

    public static let unknownLayout = DiagnosticKind("H0402", "unknown-layout", .error,
        summary: "A message names a layout file that does not exist.",
        explanation: """
        `message.layout` is a path relative to the project folder, such as `layouts/base.html`.
        The fix-it offers the closest existing layout.
        """)

    public static let unknownSlot = DiagnosticKind("H0403", "unknown-slot", .error,
        summary: "A block fills a slot the layout does not have.",
        explanation: """
        Layouts mark their slots with `{{ blocks.NAME }}`. A block whose name is not one of the
        layout's slots would never be shown. Rename the block, or add the slot to the layout.
        """)

    public static let unfilledSlot = DiagnosticKind("H0404", "unfilled-slot", .warning,
        summary: "A layout slot is filled by no block of the message.",
        explanation: """
        The slot renders empty for every recipient. Fill it with a block, or remove it from the
        layout if no campaign uses it.
        """)

    public static let misplacedBody = DiagnosticKind("H0405", "misplaced-body", .error,
        summary: "A message mixes an inline `html` body with a layout, or blocks without a layout.",
        explanation: """
        A message either writes its whole body inline under `html:`, or names a `layout:` whose
        slots its `blocks:` fill. Blocks without a layout have nowhere to go, and an inline body
        would replace the layout.
        """)

    public static let emailKinds: [DiagnosticKind] = [htmlSyntax, unknownLayout, unknownSlot, unfilledSlot, misplacedBody]
}
