/// The page of a diagnostic code, shared by `herald explain` and `docs/diagnostics.md`.
public enum ExplainPage {
    public static func markdown(_ k: DiagnosticKind, headingLevel: Int = 1) -> String {
        let hashes = String(repeating: "#", count: headingLevel)
        return "\(hashes) \(k.code) \(k.name)\n\nSeverity: \(k.severity.rawValue). \(k.summary)\n\n\(k.explanation)\n"
    }

    /// The whole diagnostics reference, one section per code.
    public static func reference() -> String {
        var out = """
        # Diagnostics reference

        Generated from the diagnostic registry (`Sources/HeraldDiagnostics/Codes`); do not edit by
        hand. `herald explain CODE` prints the same pages. Codes are stable: the first two digits
        name the phase (00 reading, 01 document structure, 02 expressions, 03 templates, 04 email,
        05 audience analysis, 06 SQL, 07 compliance and delivery, 09 limits).


        """
        for k in DiagnosticKind.all { out += markdown(k, headingLevel: 2) + "\n" }
        return out
    }
}
