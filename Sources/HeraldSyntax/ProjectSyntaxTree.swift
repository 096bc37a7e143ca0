import HeraldDiagnostics
import HeraldSource
import HeraldYAML

/// Every document of a project after the syntax phase: the input of the checker.
public struct ProjectSyntaxTree: Sendable {
    public var project: ProjectSyntax?
    public var schema: SchemaSyntax?
    public var segments: [SegmentSyntax]
    public var campaigns: [CampaignSyntax]
    /// Layout files by their project-relative path.
    public var layouts: [String: LayoutSyntax]
    public var limits: ProjectLimits

    public init(project: ProjectSyntax?, schema: SchemaSyntax?, segments: [SegmentSyntax], campaigns: [CampaignSyntax],
                layouts: [String: LayoutSyntax], limits: ProjectLimits) {
        self.project = project
        self.schema = schema
        self.segments = segments
        self.campaigns = campaigns
        self.layouts = layouts
        self.limits = limits
    }
}

/// A layout file: an HTML template whose `{{ blocks.NAME }}` outputs are the slots campaigns fill.
public struct LayoutSyntax: Sendable {
    public var path: String
    public var file: FileID
    public var template: Template?

    public init(path: String, file: FileID, template: Template?) {
        self.path = path
        self.file = file
        self.template = template
    }

    /// Parses a layout file.
    public static func read(_ file: SourceFile, limits: SyntaxLimits) -> (LayoutSyntax, [Diagnostic]) {
        if let bad = UTF8Validation.firstInvalidOffset(file.bytes) {
            let d = Diagnostic(.invalidUTF8, "The file is not valid UTF-8 at this byte.", at: Span(file: file.id, start: bad, end: bad + 1))
                .help("Save the file with the UTF-8 encoding.")
            return (LayoutSyntax(path: file.path, file: file.id, template: nil), [d])
        }
        let (t, d) = TemplateParser.parse(LocatedText(verbatim: file.text, file: file.id, offset: 0), limits: limits.template)
        return (LayoutSyntax(path: file.path, file: file.id, template: t), d)
    }
}
