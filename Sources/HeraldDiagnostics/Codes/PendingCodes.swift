extension DiagnosticKind {
    public static let planKinds: [DiagnosticKind] = []
    public static let sqlKinds: [DiagnosticKind] = []
}
