extension DiagnosticKind {
    public static let sqlKinds: [DiagnosticKind] = []
}
