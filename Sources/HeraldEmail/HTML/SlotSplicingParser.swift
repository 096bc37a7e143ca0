import Foundation
import HeraldSupport

/// Parses the versions of one message, which differ only in what fills their slots: the text
/// around the slots (the skeleton, each slot a placeholder element) is parsed once, each slot's
/// content once in the context of the elements open at its place, and a version's tree is the
/// skeleton's with every placeholder replaced by its content's nodes. A message's versions
/// (arms, block alternatives) share one 40-80 KB skeleton, so libxml2 reads it once, not once
/// per version.
///
/// The splice is libxml2's tree of the whole version only when libxml2 leaves each slot in the
/// state it found it; that is checked, never assumed, and the whole version is parsed otherwise:
/// - the skeleton parses without a problem but the placeholders' own (an unknown tag), opens
///   `<body>` before its first placeholder (which could otherwise imply it), and no element
///   name in it has a namespace prefix (the context is replayed by name);
/// - no placeholder sits directly in `html` or `head`, where libxml2 wraps text in an implied
///   `<p>`;
/// - the content has no `html`, `head`, `body` or `meta` tag (they change the document or its
///   encoding), no doctype or CDATA section, no processing instruction (it splits text without
///   leaving a node) and no placeholder of its own;
/// - parsed after start tags of the open elements and followed by a placeholder, the content
///   comes out, without a problem, as children of the innermost open element, with the
///   placeholder as that element's next child (nothing it opened is left open, nothing open
///   before it was closed);
/// - no `id` (or `name` of an `<a>`) repeats across the skeleton and the contents.
///
/// `parseTree` (the AMP part) also accepts unknown tags in the pieces, and gives no problems.
struct SlotSplicingParser {
    static let placeholder = "herald-slot"
    static let placeholderStart = Array("<herald-slot>".utf8)
    static let placeholderMarkup = placeholderStart + Array("</herald-slot>".utf8)

    /// This message's skeletons, found in or added to `shared`; kept here too because the
    /// shared cache stops growing at its capacity.
    private var skeletons: [FingerprintedBytes: Skeleton?] = [:]
    /// The last version's skeleton and its bytes: versions of a message nearly always share one,
    /// and comparing bytes (`memcmp`) costs far less than fingerprinting them again.
    private var last: (bytes: [UInt8], skeleton: Skeleton?)?
    private let shared: SkeletonCache
    private var contents: [ContentKey: Content?] = [:]
    /// How many versions were spliced rather than parsed whole (tests check the path is taken).
    private(set) var spliced = 0

    init(shared: SkeletonCache = SkeletonCache()) { self.shared = shared }

    /// The tree and problems libxml2 gives for `output`, whose slots filled `slots`.
    mutating func parse(_ output: [UInt8], slots: [Range<Int>]) -> HTMLParseResult {
        parse(output, slots: slots, exactLines: true).result
    }

    /// The same, with the elements' lines libxml2's only when `exactLines` or when the result
    /// says so. Moving the lines after each slot copies most of the tree for every version, and
    /// only the line of an element a rule reports is ever read: rules run on the tree as it is,
    /// and a version with a finding is parsed again with its lines.
    /// A spliced version also says what the splice changed from its skeleton; `needsTree`, told
    /// the skeleton's identity and tree, may answer that only those changes are needed, and then
    /// no tree is built (`hasTree` false, the result's root nil).
    mutating func parse(_ output: [UInt8], slots: [Range<Int>], exactLines: Bool,
                        needsTree: (_ skeleton: Int, _ root: HTMLElement) -> Bool = { _, _ in true })
        -> (result: HTMLParseResult, exactLines: Bool, changes: SpliceChanges?, hasTree: Bool) {
        if !slots.isEmpty, let (skeleton, pieces) = prepare(output, slots, unknownTags: false) {
            spliced += 1
            guard needsTree(skeleton.id, skeleton.root) else {
                return (HTMLParseResult(root: nil, problems: []), exactLines, Self.changes(skeleton, pieces), false)
            }
            let (root, changes) = Self.tree(skeleton, pieces, movesLines: exactLines)
            return (HTMLParseResult(root: root, problems: []), exactLines, changes, true)
        }
        return (HTMLParser.parse(output), true, nil, true)
    }

    /// The tree libxml2 gives for `output`, without its problems: for the AMP part, whose rules
    /// read only the tree. Unknown tags (`amp-img`, `template`) are then accepted in the pieces:
    /// libxml2 reports them and builds them like any element, never closing one implicitly or
    /// being closed by one, so they change where problems are reported but not the tree. Lines
    /// are as in `parse(_:slots:exactLines:)`.
    mutating func parseTree(_ output: [UInt8], slots: [Range<Int>], exactLines: Bool = true)
        -> (root: HTMLElement?, exactLines: Bool, changes: SpliceChanges?) {
        if !slots.isEmpty, let (skeleton, pieces) = prepare(output, slots, unknownTags: true) {
            spliced += 1
            let (root, changes) = Self.tree(skeleton, pieces, movesLines: exactLines)
            return (root, exactLines, changes)
        }
        return (HTMLParser.parse(output).root, true, nil)
    }

    /// The version's skeleton and its slots' contents, when it can be spliced.
    private mutating func prepare(_ output: [UInt8], _ slots: [Range<Int>], unknownTags: Bool) -> (Skeleton, [Content])? {
        var skeletonBytes: [UInt8] = []
        skeletonBytes.reserveCapacity(output.count)
        var at = 0
        for r in slots {
            skeletonBytes += output[at..<r.lowerBound]
            skeletonBytes += Self.placeholderMarkup
            at = r.upperBound
        }
        skeletonBytes += output[at...]
        let found: Skeleton?
        if let last, last.bytes.hasSameBytes(as: skeletonBytes) {
            found = last.skeleton
        } else {
            let skeletonKey = FingerprintedBytes(skeletonBytes)
            if skeletons[skeletonKey] == nil { skeletons[skeletonKey] = .some(shared.skeleton(skeletonKey)) }
            found = skeletons[skeletonKey]!
            last = (skeletonBytes, found)
        }
        guard let skeleton = found, skeleton.places.count == slots.count,
              unknownTags || !skeleton.hasUnknownTags else { return nil }
        var pieces: [Content] = []
        var ids = skeleton.ids
        for (place, r) in zip(skeleton.places, slots) {
            let key = ContentKey(context: place.context, bytes: FingerprintedBytes(Array(output[r])))
            if contents[key] == nil { contents[key] = .some(Content(key)) }
            guard let content = contents[key]!, unknownTags || !content.hasUnknownTags else { return nil }
            for id in content.ids where !ids.insert(id).inserted { return nil }
            pieces.append(content)
        }
        return (skeleton, pieces)
    }

    /// The version's tree: the skeleton's, its placeholders replaced by the contents.
    private static func tree(_ skeleton: Skeleton, _ pieces: [Content], movesLines: Bool) -> (HTMLElement, SpliceChanges) {
        var splicer = Splicer(pieces: pieces, branches: skeleton.branches, movesLines: movesLines)
        var path: [Int] = []
        let root = splicer.copy(skeleton.root, at: &path)
        return (root, SpliceChanges(skeleton: skeleton.id, skeletonRoot: skeleton.root, elements: splicer.changed, depths: splicer.changedDepths))
    }

    /// The changes alone, without a tree: the elements above the slots as the skeleton has them
    /// (an element rule reads of them only their names and attributes, which the splice keeps),
    /// and the contents' elements.
    private static func changes(_ skeleton: Skeleton, _ pieces: [Content]) -> SpliceChanges {
        var elements: [HTMLElement] = [], depths: [Int] = []
        var next = 0
        for (element, depth) in skeleton.outline {
            if let element {
                elements.append(element)
                depths.append(depth)
                continue
            }
            elements += pieces[next].elements
            depths += pieces[next].depths.map { $0 + depth }
            next += 1
        }
        return SpliceChanges(skeleton: skeleton.id, skeletonRoot: skeleton.root, elements: elements, depths: depths)
    }
}

/// Skeletons shared by the messages of a compilation: campaigns of one layout have the same
/// skeleton, parsed once for all of them. Bounded by the skeletons' size, since a layout that
/// prints a campaign's own values gives each campaign a skeleton of its own. Safe to use from
/// every thread.
final class SkeletonCache: @unchecked Sendable {
    /// 16 MB of skeleton text: a few hundred layouts.
    static let capacity = 16 << 20
    private let lock = NSLock()
    private var entries: [FingerprintedBytes: Skeleton?] = [:]
    private var size = 0
    /// The next skeleton's identity.
    private var nextID = 0

    init() {}

    fileprivate func skeleton(_ key: FingerprintedBytes) -> Skeleton? {
        if let hit = lock.withLock({ entries[key] }) { return hit }
        // Two threads may parse the same skeleton at once; both results are the same, under
        // two identities.
        var parsed = Skeleton(key.bytes)
        return lock.withLock {
            parsed?.id = nextID
            nextID += 1
            if entries[key] == nil, size + key.bytes.count <= Self.capacity {
                entries[key] = .some(parsed)
                size += key.bytes.count
            }
            return parsed
        }
    }
}

/// A version's text with a placeholder for each slot, parsed, and where the placeholders are.
fileprivate struct Skeleton {
    /// Unique among the skeletons of one cache (`SpliceChanges.skeleton`).
    var id = 0
    var root: HTMLElement
    /// Per placeholder, in document order: the names of the elements open there, outermost first.
    var places: [(context: [String], line: Int)] = []
    /// The child-index paths of the elements below the root and above a placeholder, in document
    /// order (a path sorts before those it leads to): the elements a splice rebuilds. The rest of
    /// the tree is shared by every version as it is, until a line moves.
    var branches: [[Int]] = []
    /// In document order, what a splice changes: each element above a placeholder (the root
    /// included) with its depth, and for each placeholder (nil) the depth its content takes.
    var outline: [(element: HTMLElement?, depth: Int)] = []
    var ids: Set<String> = []
    /// Whether libxml2 reported an unknown tag besides the placeholders (only a tree may be spliced).
    var hasUnknownTags: Bool

    init?(_ bytes: [UInt8]) {
        guard !SpliceText.hasPrefixedName(bytes), SpliceText.opensBodyBeforeFirstPlaceholder(bytes) else { return nil }
        let result = HTMLParser.parse(bytes)
        let others = result.problems.filter { !SpliceText.isPlaceholderProblem($0) }
        guard let root = result.root, others.allSatisfy(SpliceText.isUnknownTagProblem) else { return nil }
        self.root = root
        hasUnknownTags = !others.isEmpty
        var context: [String] = []
        var path: [Int] = []
        var branches = Set<[Int]>()
        guard collect(root, &context, &path, &branches) else { return nil }
        self.branches = branches.sorted { $0.lexicographicallyPrecedes($1) }
        outline = Self.outline(root, branches: branches)
    }

    private static func outline(_ root: HTMLElement, branches: Set<[Int]>) -> [(element: HTMLElement?, depth: Int)] {
        var out: [(element: HTMLElement?, depth: Int)] = []
        // Depth first in document order, without recursion: children are pushed last first.
        var stack: [(element: HTMLElement, path: [Int])] = [(root, [])]
        while let (e, path) = stack.popLast() {
            if e.name == SlotSplicingParser.placeholder {
                out.append((nil, path.count))
                continue
            }
            guard path.isEmpty || branches.contains(path) else { continue }
            out.append((e, path.count))
            for (i, node) in e.children.enumerated().reversed() {
                if case .element(let child) = node { stack.append((child, path + [i])) }
            }
        }
        return out
    }

    /// Records placeholders, their paths and ids below `e`; false when a placeholder's place
    /// rules splicing out.
    private mutating func collect(_ e: HTMLElement, _ context: inout [String], _ path: inout [Int], _ branches: inout Set<[Int]>) -> Bool {
        if e.name == SlotSplicingParser.placeholder {
            guard e.children.isEmpty, let parent = context.last, !["html", "head"].contains(parent) else { return false }
            places.append((context, e.line))
            for n in 1..<max(1, path.count) { branches.insert(Array(path.prefix(n))) }
            return true
        }
        if let id = SpliceText.id(of: e) { ids.insert(id) }
        context.append(e.name)
        defer { context.removeLast() }
        for (i, node) in e.children.enumerated() {
            guard case .element(let child) = node else { continue }
            path.append(i)
            defer { path.removeLast() }
            if !collect(child, &context, &path, &branches) { return false }
        }
        return true
    }
}

/// A slot's content and the elements open where it stands.
private struct ContentKey: Hashable {
    var context: [String]
    var bytes: FingerprintedBytes
}

/// A slot's content parsed in its context: the nodes it adds, their elements in document order
/// with their depths below the slot, their ids, and its line count.
private struct Content {
    var nodes: [HTMLNode]
    var elements: [HTMLElement] = []
    var depths: [Int] = []
    var ids: [String] = []
    var newlines: Int
    /// Whether libxml2 reported an unknown tag besides the placeholder, in the content or in the
    /// context replayed before it (only a tree may be spliced).
    var hasUnknownTags: Bool

    init?(_ key: ContentKey) {
        guard SpliceText.mayBeSpliced(key.bytes.bytes) else { return nil }
        let wrapper = Array(key.context.map { "<\($0)>" }.joined().utf8) + key.bytes.bytes + SlotSplicingParser.placeholderMarkup
        let result = HTMLParser.parse(wrapper)
        let others = result.problems.filter { !SpliceText.isPlaceholderProblem($0) }
        guard result.problems.count - others.count == 1, others.allSatisfy(SpliceText.isUnknownTagProblem),
              var open = result.root, open.name == key.context.first else { return nil }
        hasUnknownTags = !others.isEmpty
        // The context comes back as a chain of only children, the content and the placeholder
        // under its innermost element.
        for name in key.context.dropFirst() {
            guard open.children.count == 1, case .element(let next) = open.children[0], next.name == name else { return nil }
            open = next
        }
        guard case .element(let end)? = open.children.last, end.name == SlotSplicingParser.placeholder, end.children.isEmpty else { return nil }
        nodes = Array(open.children.dropLast())
        newlines = key.bytes.bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        for case .element(let e) in nodes {
            let (below, depths) = e.preorder()
            elements += below
            self.depths += depths
        }
        var stack = nodes
        while let n = stack.popLast() {
            guard case .element(let e) = n else { continue }
            if e.name == SlotSplicingParser.placeholder { return nil }
            if let id = SpliceText.id(of: e) { ids.append(id) }
            stack += e.children
        }
    }
}

/// Copies a skeleton's tree with its placeholders replaced by contents, moving every line after
/// a content by the lines that content added. Only the elements above a placeholder are rebuilt;
/// a subtree without one is shared as it is, or copied with its lines moved.
private struct Splicer {
    let pieces: [Content]
    let branches: [[Int]]
    /// The next of `branches` to meet: the splice visits them in document order.
    var nextBranch = 0
    /// Whether lines move; otherwise a content's elements keep their lines in its own parse and
    /// the skeleton's keep theirs.
    let movesLines: Bool
    var next = 0
    var delta = 0
    /// The elements rebuilt (those above a placeholder) and inserted (the contents'), in
    /// document order, and their depths below the root.
    var changed: [HTMLElement] = []
    var changedDepths: [Int] = []

    init(pieces: [Content], branches: [[Int]], movesLines: Bool) {
        self.pieces = pieces
        self.branches = branches
        self.movesLines = movesLines
    }

    mutating func copy(_ e: HTMLElement, at path: inout [Int]) -> HTMLElement {
        // Recorded before its children, as in a preorder; replaced by the copy once it is built.
        let recorded = changed.count
        changed.append(e)
        changedDepths.append(path.count)
        var out = e
        if movesLines { out.line += delta }
        out.children = []
        out.children.reserveCapacity(e.children.count)
        // Text on either side of a content joins the content's text, as one run of characters.
        var joinNext = false
        for (i, child) in e.children.enumerated() {
            switch child {
            case .element(let c) where c.name == SlotSplicingParser.placeholder && c.children.isEmpty:
                let content = pieces[next]
                next += 1
                let shift = c.line + delta - 1
                for (j, node) in content.nodes.enumerated() {
                    let placed = movesLines ? Self.shifted(node, by: shift) : node
                    Self.append(placed, to: &out.children, join: j == 0)
                    if movesLines, case .element(let inserted) = placed {
                        let (elements, depths) = inserted.preorder()
                        changed += elements
                        changedDepths += depths.map { $0 + path.count + 1 }
                    }
                }
                // Unmoved, the content's elements are those listed when it was parsed.
                if !movesLines {
                    changed += content.elements
                    changedDepths += content.depths.map { $0 + path.count + 1 }
                }
                if movesLines { delta += content.newlines }
                joinNext = true
            case .element(let c):
                path.append(i)
                // Compared with the next branch, not hashed into a set: every child of a rebuilt
                // element asks.
                if nextBranch < branches.count, branches[nextBranch] == path {
                    nextBranch += 1
                    out.children.append(.element(copy(c, at: &path)))
                } else {
                    out.children.append(delta == 0 ? child : Self.shifted(child, by: delta))
                }
                path.removeLast()
                joinNext = false
            default:
                Self.append(child, to: &out.children, join: joinNext)
                joinNext = false
            }
        }
        changed[recorded] = out
        return out
    }

    static func append(_ node: HTMLNode, to children: inout [HTMLNode], join: Bool) {
        if join, case .text(let t) = node, case .text(let before)? = children.last {
            children[children.count - 1] = .text(before + t)
        } else {
            children.append(node)
        }
    }

    static func shifted(_ node: HTMLNode, by shift: Int) -> HTMLNode {
        guard case .element(var e) = node else { return node }
        e.line += shift
        e.children = e.children.map { shifted($0, by: shift) }
        return .element(e)
    }
}

/// Byte-level checks of the text around and inside slots.
private enum SpliceText {
    static func isPlaceholderProblem(_ p: HTMLProblem) -> Bool {
        p.code == 801 && p.message == "Tag \(SlotSplicingParser.placeholder) invalid"
    }

    /// libxml2's report of a start tag it does not know (`Tag amp-img invalid`).
    static func isUnknownTagProblem(_ p: HTMLProblem) -> Bool {
        p.code == 801 && p.message.hasPrefix("Tag ") && p.message.hasSuffix(" invalid")
    }

    /// The id libxml2 checks for repeats: `id`, or `name` on `<a>`.
    static func id(of e: HTMLElement) -> String? {
        for (name, value) in e.attributes where !value.isEmpty && (name == "id" || (name == "name" && e.name == "a")) { return value }
        return nil
    }

    /// Whether some tag's name has a namespace prefix (`<o:p>`): libxml2 keeps the prefixed
    /// name, the tree only the local one, so the context could not be replayed by name.
    static func hasPrefixedName(_ bytes: [UInt8]) -> Bool {
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x3C {
                var j = i + 1
                if j < bytes.count, bytes[j] == 0x2F { j += 1 }
                while j < bytes.count, isNameByte(bytes[j]) { j += 1 }
                if j < bytes.count, bytes[j] == 0x3A, j > i + 1 { return true }
                i = j
            } else {
                i += 1
            }
        }
        return false
    }

    /// Whether an explicit `<body>` comes before the first placeholder. Otherwise the first
    /// placeholder may be what makes libxml2 imply `<html>` and `<body>`, on its line, where the
    /// whole version implies them on the line of the slot's first tag or text.
    static func opensBodyBeforeFirstPlaceholder(_ bytes: [UInt8]) -> Bool {
        let body = Array("<body".utf8), first = SlotSplicingParser.placeholderStart
        var i = 0
        // Both are shorter than the placeholder's start tag, which must still follow.
        while i + first.count <= bytes.count {
            if bytes[i] == 0x3C {
                if bytes[i..<(i + first.count)].elementsEqual(first) { return false }
                if bytes[i..<(i + body.count)].elementsEqual(body, by: { $0.asciiLowercased == $1 }), !isNameByte(bytes[i + body.count]) {
                    return true
                }
            }
            i += 1
        }
        return false
    }

    static func isNameByte(_ b: UInt8) -> Bool {
        (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F || b == 0x2E
    }

    /// What may not follow `<` or `</` in a content: the tags that change the document, a doctype
    /// or CDATA section, a processing instruction, a placeholder.
    static let banned = ["html", "head", "body", "meta", "!", "?", SlotSplicingParser.placeholder].map { Array($0.utf8) }

    /// Whether a content may be spliced at all: nothing `banned`, no prefixed name.
    static func mayBeSpliced(_ bytes: [UInt8]) -> Bool {
        if hasPrefixedName(bytes) { return false }
        var i = 0
        while i < bytes.count {
            defer { i += 1 }
            guard bytes[i] == 0x3C else { continue }
            var j = i + 1
            if j < bytes.count, bytes[j] == 0x2F { j += 1 }
            for word in banned where j + word.count <= bytes.count {
                if zip(word, bytes[j..<(j + word.count)]).allSatisfy({ $0 == $1.asciiLowercased }) {
                    // `<!--` comments are fine; a doctype or CDATA section is not.
                    if word == [0x21], j + 3 <= bytes.count, bytes[j + 1] == 0x2D, bytes[j + 2] == 0x2D { continue }
                    return false
                }
            }
        }
        return true
    }
}
