/// The limits the syntax phase enforces, read from `herald.yaml` (`limits:`).
public struct SyntaxLimits: Sendable, Hashable {
    public var expression: ExpressionLimits
    public var template: TemplateLimits

    public init(expression: ExpressionLimits = .standard, template: TemplateLimits = .standard) {
        self.expression = expression
        self.template = template
    }

    public static let standard = SyntaxLimits()
}
