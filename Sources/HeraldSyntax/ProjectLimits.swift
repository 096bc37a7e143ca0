import HeraldYAML

/// Every limit of a project, from `herald.yaml`'s `limits:` with documented defaults.
public struct ProjectLimits: Sendable, Hashable {
    public var fileBytes: Int
    public var htmlBytes: Int
    public var yaml: YAMLLimits
    public var syntax: SyntaxLimits

    public init(fileBytes: Int = 8 << 20, htmlBytes: Int = 8 << 20, yaml: YAMLLimits = .standard, syntax: SyntaxLimits = .standard) {
        self.fileBytes = fileBytes
        self.htmlBytes = htmlBytes
        self.yaml = yaml
        self.syntax = syntax
    }

    public static let standard = ProjectLimits()

    /// The limits with `herald.yaml`'s overrides applied.
    public init(_ project: ProjectSyntax?) {
        self.init()
        guard let l = project?.limits else { return }
        func v(_ k: String) -> Int? { l[k].map { Int($0.value) } }
        fileBytes = v("file_bytes") ?? fileBytes
        htmlBytes = v("html_bytes") ?? htmlBytes
        yaml.maxNodes = v("yaml_nodes") ?? yaml.maxNodes
        yaml.maxDepth = v("yaml_depth") ?? yaml.maxDepth
        yaml.maxScalarBytes = v("scalar_bytes") ?? yaml.maxScalarBytes
        syntax.expression.maxDepth = v("expression_depth") ?? syntax.expression.maxDepth
        syntax.expression.maxTerms = v("expression_terms") ?? syntax.expression.maxTerms
        syntax.template.maxDepth = v("template_depth") ?? syntax.template.maxDepth
        syntax.template.maxNodes = v("template_nodes") ?? syntax.template.maxNodes
    }
}
