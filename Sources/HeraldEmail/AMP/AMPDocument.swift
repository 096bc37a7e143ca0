import HeraldDiagnostics

/// An email document parsed for the AMP for Email rules: the libxml2 tree of the prepared source,
/// the type identifiers of its `<html>` tag, and its size.
struct AMPDocument {
    var source: AMPSource
    var root: HTMLElement?
    /// What libxml2 reported while parsing the prepared source.
    var problems: [HTMLProblem]
    /// The original document's size in bytes.
    var byteCount: Int
    var hasDoctype: Bool

    var isStrictCSS: Bool { source.identifiers.contains("data-css-strict") }
    /// Every element, in document order (computed once: every rule walks it); for an element
    /// rule, possibly only those a splice changed (`limited(to:)`).
    private(set) var elements: [HTMLElement]
    /// The depth of each of `elements` (the root's is 0).
    private(set) var depths: [Int]

    init(_ bytes: [UInt8]) { self.init(source: AMPSource(bytes), original: bytes) }

    /// A document whose source is already prepared (`herald validate` prepares it to tell AMP from HTML).
    init(source: AMPSource, original bytes: [UInt8]) {
        self.init(source: source, parsed: HTMLParser.parse(source.bytes), original: bytes)
    }

    /// A document whose prepared source is already parsed (validation splices the versions of
    /// a message, and the AMP rules read the tree, not libxml2's problems).
    init(source: AMPSource, parsed: HTMLParseResult, original bytes: [UInt8]) {
        self.source = source
        root = parsed.root
        problems = parsed.problems
        (elements, depths) = root?.preorder() ?? ([], [])
        byteCount = bytes.count
        // `<!doctype html>` first, after blanks and comments (libxml2 keeps no doctype in the tree copy).
        var i = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        while i < bytes.count {
            if AMPSource.isSpace(bytes[i]) { i += 1; continue }
            if bytes[i...].starts(with: Array("<!--".utf8)) {
                i = bytes.firstIndex(of: "-->", from: i + 4).map { $0 + 3 } ?? bytes.count
                continue
            }
            break
        }
        let head = String(decoding: bytes[i..<min(bytes.count, i + 15)], as: UTF8.self).lowercased()
        hasDoctype = head.hasPrefix("<!doctype html") && (head.count == 14 || " >\t\n\r".contains(head[head.index(head.startIndex, offsetBy: 14)]))
    }

    /// Every element of `elements` with its ancestors (outermost first), for nesting rules. One
    /// ancestor list is cut back and extended as the walk moves, not copied per element.
    func walk(_ visit: (HTMLElement, [HTMLElement]) -> Void) {
        var ancestors: [HTMLElement] = []
        for (e, depth) in zip(elements, depths) {
            ancestors.removeSubrange(depth...)
            visit(e, ancestors)
            ancestors.append(e)
        }
    }

    /// The same document, its elements only those a splice changed: what an element rule needs
    /// to read in a version whose skeleton's other elements passed it already.
    func limited(to changes: SpliceChanges) -> AMPDocument {
        var copy = self
        copy.elements = changes.elements
        copy.depths = changes.depths
        return copy
    }

    /// The `<head>` element.
    var head: HTMLElement? { root?.children.lazy.compactMap { if case .element(let e) = $0, e.name == "head" { return e } else { return nil } }.first }
}

/// A rule of AMP for Email (the AMP4EMAIL format of the AMP validator), as data: one kind, one check.
struct AMPRule: Sendable {
    let kind: DiagnosticKind
    let scope: RuleScope
    let check: @Sendable (AMPDocument) -> [HTMLFinding]

    init(kind: DiagnosticKind, scope: RuleScope, check: @escaping @Sendable (AMPDocument) -> [HTMLFinding]) {
        self.kind = kind
        self.scope = scope
        self.check = check
    }
}

/// The AMP part's rules, in the order their findings are reported.
enum AMPRules {
    static let all: [AMPRule] = [
        AMPRequiredMarkupRule.rule, AMPElementRule.rule, AMPAttributeRule.rule, AMPScriptRule.rule, AMPExtensionRule.rule,
        AMPURLRule.rule, AMPLayoutRule.rule, AMPNestedFetchRule.rule, AMPBindingRule.rule, AMPStyleRule.rule, AMPStyleRule.documentRule,
        AMPStyleRule.totalRule, AMPSizeRule.rule, AMPAdvisoryRule.documentRule, AMPAdvisoryRule.rule,
    ]
}
