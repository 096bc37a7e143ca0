import HeraldDiagnostics
import HeraldSource

/// What reading one YAML file produced: its root node (nil when the file is empty or unreadable)
/// and the diagnostics found on the way.
public struct YAMLReadResult: Sendable {
    public var root: YAMLNode?
    public var diagnostics: [Diagnostic]
}

/// Reads a YAML file into a located node tree on libyaml's event API.
///
/// Rejects what Herald files never need and hostile files abuse: more than one document, tags,
/// merge keys, duplicate keys, unbounded alias expansion, deep nesting and huge scalars.
public enum YAMLReader {
    public static func read(_ file: SourceFile, limits: YAMLLimits = .standard) -> YAMLReadResult {
        if let bad = UTF8Validation.firstInvalidOffset(file.bytes) {
            let d = Diagnostic(.invalidUTF8, "The file is not valid UTF-8 at this byte.",
                               at: Span(file: file.id, start: bad, end: bad + 1))
                .help("Save the file with the UTF-8 encoding.")
            return YAMLReadResult(root: nil, diagnostics: [d])
        }
        var builder = TreeBuilder(file: file, limits: limits)
        let parser = LibYAMLParser(bytes: file.bytes)
        while let event = parser.next() {
            if !builder.consume(event) { break }
        }
        return YAMLReadResult(root: builder.root, diagnostics: builder.diagnostics)
    }
}

/// Turns the event stream into nodes with an explicit stack (no recursion, so depth is bounded
/// only by the limit), expanding aliases by reference under a node budget.
struct TreeBuilder {
    private enum Frame {
        case mapping(start: Int, anchor: String?, pairs: [YAMLPair], pendingKey: YAMLNode?, weight: Int)
        case sequence(start: Int, anchor: String?, items: [YAMLNode], weight: Int)
    }

    let file: SourceFile
    let limits: YAMLLimits
    var root: YAMLNode?
    var diagnostics: [Diagnostic] = []
    private var stack: [Frame] = []
    private var anchors: [String: (node: YAMLNode, weight: Int)] = [:]
    private var expanded = 0
    private var documents = 0

    init(file: SourceFile, limits: YAMLLimits) {
        self.file = file
        self.limits = limits
    }

    private func span(_ start: Int, _ end: Int) -> Span { Span(file: file.id, start: start, end: end) }

    private mutating func fail(_ d: Diagnostic) -> Bool {
        diagnostics.append(d)
        root = nil
        return false
    }

    /// Returns false when reading must stop.
    mutating func consume(_ event: YAMLEvent) -> Bool {
        switch event {
        case .documentStart(let start, let end):
            documents += 1
            if documents > 1 {
                return fail(Diagnostic(.multipleDocuments, "A second YAML document starts here; a Herald file holds one document.",
                                       at: span(start, max(end, start + 3)))
                    .help("Move the second document into a file of its own."))
            }
            return true
        case .documentEnd:
            return true
        case .failure(let f):
            return fail(syntaxDiagnostic(f))
        case .scalar(let s):
            if let tag = s.tag { return fail(tagDiagnostic(tag, span(s.start, s.end))) }
            if s.value.count > limits.maxScalarBytes {
                return fail(Diagnostic(.scalarTooLong,
                    "This value is \(s.value.count) bytes long, more than the limit of \(limits.maxScalarBytes).",
                    at: span(s.start, min(s.end, s.start + 1))))
            }
            let map = ScalarSourceMap.build(value: s.value, source: file.bytes, from: s.start, to: s.end)
            let scalar = YAMLScalar(value: String(decoding: s.value, as: UTF8.self), style: s.style, sourceMap: map)
            let node = YAMLNode(.scalar(scalar), span: span(s.start, s.end))
            return attach(node, weight: 1, anchor: s.anchor)
        case .alias(let name, let start, let end):
            guard let target = anchors[name] else {
                return fail(Diagnostic(.yamlSyntax, "The alias `*\(name)` refers to no anchor `&\(name)` before it.",
                                       at: span(start, end)))
            }
            var node = target.node
            node.span = span(start, end)
            return attach(node, weight: target.weight, anchor: nil)
        case .sequenceStart(let anchor, let tag, let start):
            if let tag { return fail(tagDiagnostic(tag, span(start, start + 1))) }
            if stack.count >= limits.maxDepth { return fail(depthDiagnostic(start)) }
            stack.append(.sequence(start: start, anchor: anchor, items: [], weight: 1))
            return true
        case .mappingStart(let anchor, let tag, let start):
            if let tag { return fail(tagDiagnostic(tag, span(start, start + 1))) }
            if stack.count >= limits.maxDepth { return fail(depthDiagnostic(start)) }
            stack.append(.mapping(start: start, anchor: anchor, pairs: [], pendingKey: nil, weight: 1))
            return true
        case .sequenceEnd(let end):
            guard case .sequence(let start, let anchor, let items, let weight)? = stack.popLast() else { return false }
            return attach(YAMLNode(.sequence(items), span: span(start, trimmedEnd(start, end))), weight: weight, anchor: anchor,
                          alreadyCounted: true)
        case .mappingEnd(let end):
            guard case .mapping(let start, let anchor, let pairs, _, let weight)? = stack.popLast() else { return false }
            let unique = removeDuplicateKeys(pairs)
            return attach(YAMLNode(.mapping(unique), span: span(start, trimmedEnd(start, end))), weight: weight, anchor: anchor,
                          alreadyCounted: true)
        }
    }

    /// libyaml ends block collections at the next token; trailing blank lines and comments are not part of the node.
    private func trimmedEnd(_ start: Int, _ end: Int) -> Int {
        var e = min(end, file.bytes.count)
        while e > start, [0x20, 0x0A, 0x0D, 0x09].contains(file.bytes[e - 1]) { e -= 1 }
        return e
    }

    private mutating func attach(_ node: YAMLNode, weight: Int, anchor: String?, alreadyCounted: Bool = false) -> Bool {
        if !alreadyCounted { expanded += weight }
        if expanded > limits.maxNodes {
            return fail(Diagnostic(.aliasExpansion,
                "This document expands to more than \(limits.maxNodes) nodes.", at: node.span)
                .help("Anchors and aliases (`&name`, `*name`) multiply the document; write the repeated parts out or raise `limits.yaml_nodes` in `herald.yaml`."))
        }
        if let anchor { anchors[anchor] = (node, weight) }
        guard let top = stack.popLast() else {
            root = node
            return true
        }
        switch top {
        case .sequence(let start, let a, var items, let w):
            items.append(node)
            stack.append(.sequence(start: start, anchor: a, items: items, weight: w + weight))
        case .mapping(let start, let a, var pairs, let pendingKey, let w):
            if let key = pendingKey {
                pairs.append(YAMLPair(key: key, value: node))
                stack.append(.mapping(start: start, anchor: a, pairs: pairs, pendingKey: nil, weight: w + weight))
            } else {
                guard let scalar = node.scalar else {
                    return fail(Diagnostic(.wrongNodeKind, "A mapping key must be a plain name, not \(node.shapeDescription).",
                                           at: node.span))
                }
                if scalar.style == .plain && scalar.value == "<<" {
                    return fail(Diagnostic(.unsupportedYAMLFeature, "Merge keys (`<<`) are not supported in Herald files.",
                                           at: node.span).help("Write the merged keys out in this mapping."))
                }
                stack.append(.mapping(start: start, anchor: a, pairs: pairs, pendingKey: node, weight: w + weight))
            }
        }
        return true
    }

    private mutating func removeDuplicateKeys(_ pairs: [YAMLPair]) -> [YAMLPair] {
        var first: [String: Span] = [:]
        var kept: [YAMLPair] = []
        for pair in pairs {
            let key = pair.keyText
            if let earlier = first[key] {
                diagnostics.append(Diagnostic(.duplicateKey, "The key `\(key)` appears twice in this mapping.", at: pair.key.span)
                    .label(earlier, "`\(key)` is first set here.")
                    .help("Delete one of the two entries."))
                continue
            }
            first[key] = pair.key.span
            kept.append(pair)
        }
        return kept
    }

    private func tagDiagnostic(_ tag: String, _ span: Span) -> Diagnostic {
        Diagnostic(.unsupportedYAMLFeature, "The YAML tag `\(tag)` is not supported in Herald files.", at: span)
            .help("Remove the tag; Herald reads each value as its key expects.")
    }

    private func depthDiagnostic(_ start: Int) -> Diagnostic {
        Diagnostic(.nestingTooDeep, "Mappings and lists are nested more than \(limits.maxDepth) levels deep here.",
                   at: span(start, start + 1))
    }

    private func syntaxDiagnostic(_ f: YAMLEvent.Failure) -> Diagnostic {
        let at = min(max(0, f.offset), file.bytes.count)
        let here = span(at, min(at + 1, file.bytes.count))
        let problem = f.problem
        var message: String
        var help: String?
        let byte = at < file.bytes.count ? file.bytes[at] : 0
        if problem.contains("cannot start any token") {
            if byte == 0x09 {
                message = "A tab cannot indent YAML."
                help = "Indent with spaces; YAML does not allow tabs for indentation."
            } else {
                let ch = String(decoding: [byte], as: UTF8.self)
                message = "The character `\(ch)` cannot start a YAML value."
                help = "Put the value in quotes."
            }
        } else if problem.contains("control characters are not allowed") {
            message = "The file contains a control character YAML does not allow."
            help = "Remove the character (a NUL byte or similar), or save the file as plain UTF-8 text."
        } else if problem.contains("mapping values are not allowed") {
            message = "A `:` followed by a space cannot appear inside this value."
            help = "Put the whole value in quotes."
        } else if problem.contains("did not find expected key") {
            message = "Expected a `key: value` entry here."
            help = "Check the indentation: entries of one mapping start in the same column."
        } else if problem.contains("end of stream") && (f.context ?? "").contains("quoted scalar") {
            message = "The quoted value is never closed."
            help = "Add the closing quote."
        } else if problem.contains("did not find expected ',' or ']'") {
            message = "The list that starts with `[` is never closed."
            help = "Add `]` at its end, or separate its items with `,`."
        } else if problem.contains("did not find expected ',' or '}'") {
            message = "The mapping that starts with `{` is never closed."
            help = "Add `}` at its end, or separate its entries with `,`."
        } else if problem.contains("did not find expected '-' indicator") {
            message = "Expected a list item (`- ...`) here."
            help = "Items of one list start with `-` in the same column."
        } else if problem.contains("could not find expected ':'") {
            message = "Expected a `:` after this key."
            help = "Write `key: value`; a value spanning several lines must be quoted or use `|`."
        } else if problem.contains("found undefined tag handle") {
            message = "The YAML tag here is not defined."
            help = "Remove the tag; Herald reads each value as its key expects."
        } else {
            message = "YAML syntax error: \(problem)."
        }
        var d = Diagnostic(.yamlSyntax, message, at: here).help(help)
        if let context = f.context, let c = f.contextOffset, c != at {
            d = d.label(span(c, min(c + 1, file.bytes.count)), "The parser was reading this when it stopped (\(context)).")
        }
        return d
    }
}
