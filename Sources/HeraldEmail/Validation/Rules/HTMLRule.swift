import HeraldDiagnostics

/// One rendered version of a message (an arm and a choice of block alternatives, with sample
/// values), as the HTML rules see it.
struct RenderedDocument {
    /// The rendered HTML.
    var html: String
    /// The document libxml2 parsed from it.
    var root: HTMLElement?
    var isMarketing: Bool
    /// Whether the message has a preheader (in this arm).
    var hasPreheader: Bool
    /// The sample recipient's unsubscribe URL, when the templates print it.
    var unsubscribeURL: String?

    /// Every element of the document, in document order (computed once: every rule walks it).
    let elements: [HTMLElement]
    /// The depth of each of `elements` (the root's is 0).
    let depths: [Int]

    init(html: String, root: HTMLElement?, isMarketing: Bool, hasPreheader: Bool, unsubscribeURL: String?) {
        self.html = html
        self.root = root
        self.isMarketing = isMarketing
        self.hasPreheader = hasPreheader
        self.unsubscribeURL = unsubscribeURL
        (elements, depths) = root?.preorder() ?? ([], [])
    }
}

/// What a rule found: an element (located by the validator) or the whole document.
struct HTMLFinding {
    var element: HTMLElement?
    var message: String
    var help: String?
    /// For findings about the whole message rather than its body: shown at the subject.
    var atSubject = false
}

/// A rule over rendered HTML email: one diagnostic kind, one check. Rules are data; the validator
/// runs the table in `HTMLRules.all` over every combination a recipient can receive.
struct HTMLRule: Sendable {
    let kind: DiagnosticKind
    let check: @Sendable (RenderedDocument) -> [HTMLFinding]
}

/// The HTML part's rules, in the order their findings are reported.
enum HTMLRules {
    static let all: [HTMLRule] = [
        ForbiddenElementRule.rule, EventHandlerRule.rule, InsecureURLRule.rule, ImageAltRule.rule, ImageWidthRule.rule,
        FlexGridLayoutRule.rule, VisibleUnsubscribeRule.rule, MissingPreheaderRule.rule, ClippingSizeRule.nearRule, ClippingSizeRule.overRule,
    ]
}
