import HeraldDiagnostics
import HeraldSource
import HeraldYAML

/// Reads the keys of one YAML mapping against a fixed list of known keys, reporting missing,
/// misshapen and unknown keys (with "did you mean") as it goes.
///
/// Every document reader is built from this, so all documents report shape errors the same way.
public struct MappingReader {
    public let node: YAMLNode
    public let context: String
    private let known: [String]
    private var values: [String: YAMLPair] = [:]

    /// Nil (with a diagnostic) when `node` is not a mapping.
    public init?(_ node: YAMLNode, context: String, keys: [String], diagnostics: inout DiagnosticBag) {
        guard let pairs = node.pairs else {
            diagnostics.emit(Diagnostic(.wrongNodeKind, "\(context.capitalizedFirst) must be a mapping of keys to values, not \(node.shapeDescription).",
                                        at: node.span))
            return nil
        }
        self.node = node
        self.context = context
        self.known = keys
        for pair in pairs { values[pair.keyText] = pair }
    }

    public var keys: [String] { node.pairs?.map(\.keyText) ?? [] }

    public func has(_ key: String) -> Bool { values[key] != nil }

    public func keySpan(_ key: String) -> Span? { values[key]?.key.span }

    /// The value node of `key`, or nil when absent. A present key with no value (`key:`) counts as absent.
    public func node(_ key: String) -> YAMLNode? {
        guard let v = values[key]?.value else { return nil }
        if let s = v.scalar, s.isNull { return nil }
        return v
    }

    /// The key's value node even when it is YAML null (for keys whose presence alone matters).
    public func rawNode(_ key: String) -> YAMLNode? { values[key]?.value }

    /// The value of `key` as a single value; a mapping or list there is reported.
    public func scalar(_ key: String, diagnostics: inout DiagnosticBag) -> Located<String>? {
        guard let v = node(key) else { return nil }
        guard let s = v.scalar else {
            diagnostics.emit(Diagnostic(.wrongNodeKind, "`\(key)` must be a single value, not \(v.shapeDescription).", at: v.span))
            return nil
        }
        return Located(s.value, v.span)
    }

    /// The value of `key` as located text (for expressions and templates).
    public func text(_ key: String, diagnostics: inout DiagnosticBag) -> LocatedText? {
        guard let v = node(key) else { return nil }
        guard let s = v.scalar else {
            diagnostics.emit(Diagnostic(.wrongNodeKind, "`\(key)` must be a single value, not \(v.shapeDescription).", at: v.span))
            return nil
        }
        return LocatedText(scalar: s, node: v)
    }

    /// Reports `key` as missing at the mapping when it is absent.
    public func require(_ key: String, help: String, diagnostics: inout DiagnosticBag) {
        if node(key) == nil {
            let at = values[key]?.key.span ?? firstLine
            diagnostics.emit(Diagnostic(.missingKey, "\(context.capitalizedFirst) is missing `\(key)`.", at: at).help(help))
        }
    }

    /// The span of the mapping's first line: where a missing key is reported.
    public var firstLine: Span {
        guard let first = node.pairs?.first else { return node.span }
        return first.key.span
    }

    /// Reports every key that is not in the known list.
    public func reportUnknownKeys(diagnostics: inout DiagnosticBag) {
        for pair in node.pairs ?? [] where !known.contains(pair.keyText) {
            let key = pair.keyText
            diagnostics.emit(Diagnostic(.unknownKey, "`\(key)` is not a key of \(context).", at: pair.key.span)
                .suggesting(key, among: known, at: pair.key.span)
                .note("Known keys: \(Suggestions.list(known, conjunction: "and", limit: 20))."))
        }
    }

    /// Reads a boolean written `true` or `false` (never YAML 1.1's `yes`/`no`/`on`/`off`).
    public func bool(_ key: String, diagnostics: inout DiagnosticBag) -> Located<Bool>? {
        guard let s = scalar(key, diagnostics: &diagnostics) else { return nil }
        switch s.value {
        case "true": return Located(true, s.span)
        case "false": return Located(false, s.span)
        default:
            diagnostics.emit(Diagnostic(.invalidValue, "`\(key)` must be `true` or `false`, not `\(s.value)`.", at: s.span))
            return nil
        }
    }

    /// Reads a whole number in a range.
    public func integer(_ key: String, range: ClosedRange<Int64>, diagnostics: inout DiagnosticBag) -> Located<Int64>? {
        guard let s = scalar(key, diagnostics: &diagnostics) else { return nil }
        guard let v = Int64(s.value.replacingOccurrences(of: "_", with: "")), range.contains(v) else {
            diagnostics.emit(Diagnostic(.invalidValue, "`\(key)` must be a whole number from \(range.lowerBound) to \(range.upperBound), not `\(s.value)`.", at: s.span))
            return nil
        }
        return Located(v, s.span)
    }

    /// Reads a duration such as `48h`.
    public func duration(_ key: String, diagnostics: inout DiagnosticBag) -> Located<Interval>? {
        guard let s = scalar(key, diagnostics: &diagnostics) else { return nil }
        guard let d = Interval.parse(s.value), d.seconds > 0 else {
            diagnostics.emit(Diagnostic(.invalidValue, "`\(key)` must be a duration such as `4h` or `7d`, not `\(s.value)`.", at: s.span)
                .help("A duration is a whole number and a unit: `m` (minutes), `h` (hours), `d` (days) or `w` (weeks)."))
            return nil
        }
        return Located(d, s.span)
    }

    /// Reads one of a fixed set of words.
    public func choice(_ key: String, _ options: [String], diagnostics: inout DiagnosticBag) -> Located<String>? {
        guard let s = scalar(key, diagnostics: &diagnostics) else { return nil }
        guard options.contains(s.value) else {
            diagnostics.emit(Diagnostic(.invalidValue, "`\(key)` must be \(Suggestions.list(options)), not `\(s.value)`.", at: s.span)
                .suggesting(s.value, among: options, at: s.span))
            return nil
        }
        return s
    }

    /// The entries of a mapping-valued key, in file order.
    public func entries(_ key: String, diagnostics: inout DiagnosticBag) -> [YAMLPair]? {
        guard let v = node(key) else { return nil }
        guard let pairs = v.pairs else {
            diagnostics.emit(Diagnostic(.wrongNodeKind, "`\(key)` must be a mapping, not \(v.shapeDescription).", at: v.span))
            return nil
        }
        return pairs
    }

    /// The items of a list-valued key; a single value is accepted as a one-item list.
    public func list(_ key: String, diagnostics: inout DiagnosticBag) -> [YAMLNode]? {
        guard let v = node(key) else { return nil }
        if let items = v.items { return items }
        if v.scalar != nil { return [v] }
        diagnostics.emit(Diagnostic(.wrongNodeKind, "`\(key)` must be a list, not \(v.shapeDescription).", at: v.span))
        return nil
    }
}

extension String {
    /// The string with its first letter upper-cased ("the campaign" → "The campaign").
    public var capitalizedFirst: String {
        guard let f = first else { return self }
        return f.uppercased() + dropFirst()
    }
}

import Foundation
