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

    /// Every element of the document, in document order (listed once, when a rule first reads
    /// it); for an element rule, possibly only those a splice changed (`limited(to:)`).
    var elements: [HTMLElement] { list.elements }
    /// The depth of each of `elements` (the root's is 0).
    var depths: [Int] { list.depths }
    private var list: ElementList
    /// Whether the document is only part of a version (a splice's changes, or the skeleton
    /// around its slots), so that prefilters over the whole text do not apply.
    private(set) var isPartial = false

    init(html: String, root: HTMLElement?, isMarketing: Bool, hasPreheader: Bool, unsubscribeURL: String?) {
        self.html = html
        self.root = root
        self.isMarketing = isMarketing
        self.hasPreheader = hasPreheader
        self.unsubscribeURL = unsubscribeURL
        list = ElementList(root: root)
    }

    /// The same document, its elements only those a splice changed: what an element rule needs
    /// to read in a version whose skeleton's other elements passed it already.
    func limited(to changes: SpliceChanges) -> RenderedDocument {
        var copy = self
        copy.list = ElementList(elements: changes.elements, depths: changes.depths)
        copy.isPartial = true
        return copy
    }

    /// The skeleton of spliced versions as a document of its own, each slot a placeholder
    /// element: what a skeleton's verdict is learned from.
    init(skeleton: HTMLElement, isMarketing: Bool, hasPreheader: Bool, unsubscribeURL: String?) {
        self.init(html: "", root: skeleton, isMarketing: isMarketing, hasPreheader: hasPreheader, unsubscribeURL: unsubscribeURL)
        isPartial = true
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

/// What a rule's findings depend on, which decides what the validator may skip.
enum RuleScope: Sendable {
    /// Each finding is about one element and depends only on that element's name and
    /// attributes, its text when it holds no element (a `<style>`'s CSS), and the names and
    /// attributes of the elements above it; never on the rest of the document. A version
    /// spliced into a skeleton whose elements passed the rule is checked only on the elements
    /// the splice changed, and those above a slot may be read as the skeleton has them.
    case element
    /// Findings depend on the whole tree (required markup, something that must appear
    /// somewhere): every version is checked whole, unless its skeleton settles the rule.
    case document
    /// Findings depend only on the document's text and facts (its size, whether it has a
    /// preheader), never on its tree.
    case text
}

/// A rule over rendered HTML email: one diagnostic kind, one check. Rules are data; the validator
/// runs the table in `HTMLRules.all` over every combination a recipient can receive.
struct HTMLRule: Sendable {
    let kind: DiagnosticKind
    let scope: RuleScope
    /// For a document rule: given the skeleton of spliced versions (`RenderedDocument(skeleton:…)`),
    /// whether the rule passes in every version spliced into it, whatever fills its slots. Nil
    /// when the skeleton cannot tell, and the rule runs on every version.
    let passesEveryVersion: (@Sendable (RenderedDocument) -> Bool)?
    let check: @Sendable (RenderedDocument) -> [HTMLFinding]

    init(kind: DiagnosticKind, scope: RuleScope, passesEveryVersion: (@Sendable (RenderedDocument) -> Bool)? = nil,
         check: @escaping @Sendable (RenderedDocument) -> [HTMLFinding]) {
        self.kind = kind
        self.scope = scope
        self.passesEveryVersion = passesEveryVersion
        self.check = check
    }
}

/// The HTML part's rules, in the order their findings are reported.
enum HTMLRules {
    static let all: [HTMLRule] = [
        ForbiddenElementRule.rule, EventHandlerRule.rule, InsecureURLRule.rule, ImageAltRule.rule, ImageWidthRule.rule,
        FlexGridLayoutRule.rule, VisibleUnsubscribeRule.rule, MissingPreheaderRule.rule, ClippingSizeRule.nearRule, ClippingSizeRule.overRule,
    ]
}
