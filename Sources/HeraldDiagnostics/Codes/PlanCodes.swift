/// H05xx: what the planner finds by analysing audiences.
extension DiagnosticKind {
    public static let audienceNeverMatches = DiagnosticKind("H0501", "audience-never-matches", .warning,
        summary: "An audience rule can never match anyone.",
        explanation: """
        After inlining segments and merging conditions on the same value, the rule is false for
        every customer: for example `count(cart_added within 48h) >= 3 and count(cart_added within
        48h) < 2`. The note names the two conditions that conflict. The campaign would never send.
        """)

    public static let audienceAlwaysMatches = DiagnosticKind("H0502", "audience-always-matches", .warning,
        summary: "An audience rule matches every customer.",
        explanation: """
        The rule simplifies to `true` (for example `x > 3 or x <= 3`), so it selects everyone who
        consents. If that is intended, remove `audience:`; otherwise a condition is probably wrong.
        """)

    public static let redundantCampaign = DiagnosticKind("H0503", "redundant-campaign", .warning,
        summary: "A campaign's audience is contained in another campaign's with the same trigger.",
        explanation: """
        Everyone the smaller campaign would reach is also reached by the larger one at the same
        moment. Frequency caps then decide which email a customer gets, which is rarely what was
        meant. Merge the two, or make their audiences disjoint.
        """)

    public static let planKinds: [DiagnosticKind] = [audienceNeverMatches, audienceAlwaysMatches, redundantCampaign]
}
