/// `herald fmt`: puts the keys of a project file in the canonical order (the order the reference
/// documents them in: `campaign`, `description`, `owner`, `kind`, … and inside `message` the
/// same), keeping every comment with the key below it and every value byte for byte. It works on
/// lines, not on a re-serialized tree, so nothing a person wrote is lost; files it cannot read
/// safely (flow style at the top, several documents, tabs in indentation) are left as they are.
public enum CanonicalFormatter {
    /// The canonical key order of each file kind, and of nested mappings by their key.
    public struct Order: Sendable {
        public var top: [String]
        public var nested: [String: [String]]

        public init(top: [String], nested: [String: [String]]) {
            self.top = top
            self.nested = nested
        }
    }

    public static let campaign = Order(top: CampaignSyntax.keys, nested: ["message": MessageSyntax.keys, "trigger": TriggerSyntax.keys])
    public static let segment = Order(top: SegmentSyntax.keys, nested: [:])
    public static let project = Order(top: ProjectSyntax.keys, nested: [:])
    public static let schema = Order(top: SchemaSyntax.keys, nested: ["customer": CustomerSyntax.keys, "events": EventsSyntax.keys])

    /// The formatted text, or nil when the file is left as it is.
    public static func format(_ text: String, order: Order) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        guard !lines.contains(where: { $0.hasPrefix("---") && $0 != lines.first || $0.hasPrefix("...") }),
              !lines.contains(where: { $0.prefix { $0 == " " || $0 == "\t" }.contains("\t") }),
              !lines.contains(where: { $0.hasPrefix("{") || $0.hasPrefix("[") }) else { return nil }
        guard let body = reorder(lines, indent: 0, order: order.top, nested: order.nested) else { return nil }
        return body.joined(separator: "\n") + "\n"
    }

    /// The key of a mapping entry starting on this line at exactly `indent` spaces.
    static func key(_ line: String, indent: Int) -> String? {
        let chars = Array(line.utf8)
        guard chars.count > indent, chars.prefix(indent).allSatisfy({ $0 == 0x20 }), chars[indent] != 0x20 else { return nil }
        var i = indent, name: [UInt8] = []
        while i < chars.count, let c = Optional(chars[i]), c != 0x3A {
            guard (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x5F || c == 0x2D else { return nil }
            name.append(c)
            i += 1
        }
        guard !name.isEmpty, i < chars.count, i + 1 == chars.count || chars[i + 1] == 0x20 else { return nil }
        return String(decoding: name, as: UTF8.self)
    }

    static func indentation(_ line: String) -> Int { line.prefix { $0 == " " }.count }
    static func isBlankOrComment(_ line: String) -> Bool {
        let t = line.drop { $0 == " " }
        return t.isEmpty || t.hasPrefix("#")
    }

    /// Reorders the entries of the mapping made of `lines` at `indent`; nil when the lines are not
    /// a plain block mapping there.
    static func reorder(_ lines: [String], indent: Int, order: [String], nested: [String: [String]]) -> [String]? {
        // The header: lines before the first entry that are not a comment attached to it.
        guard let first = lines.firstIndex(where: { key($0, indent: indent) != nil }) else { return nil }
        var headerEnd = first
        while headerEnd > 0, lines[headerEnd - 1].drop(while: { $0 == " " }).hasPrefix("#") { headerEnd -= 1 }
        let header = Array(lines[..<headerEnd])
        guard header.allSatisfy(isBlankOrComment) else { return nil }
        // Entries: attached comments, the key line, and every following line indented deeper
        // (or blank, or a comment) up to the next comment block or key at this indentation.
        var entries: [(key: String, lines: [String])] = []
        var i = headerEnd
        while i < lines.count {
            var start = i
            while i < lines.count, isBlankOrComment(lines[i]), key(lines[i], indent: indent) == nil { i += 1 }
            guard i < lines.count else {
                // Trailing comments or blank lines belong to the last entry.
                if entries.isEmpty { return nil }
                entries[entries.count - 1].lines += lines[start..<i]
                break
            }
            guard let k = key(lines[i], indent: indent) else { return nil }
            // Blank lines before the comments stay with the previous entry.
            while start < i, lines[start].allSatisfy({ $0 == " " }) {
                if !entries.isEmpty { entries[entries.count - 1].lines.append(lines[start]) }
                start += 1
            }
            var entry = Array(lines[start...i])
            i += 1
            while i < lines.count {
                let l = lines[i]
                if l.allSatisfy({ $0 == " " }) || indentation(l) > indent { entry.append(l); i += 1; continue }
                if isBlankOrComment(l) {
                    // A comment at this indentation belongs to the next key if one follows it.
                    var j = i
                    while j < lines.count, isBlankOrComment(lines[j]), indentation(lines[j]) <= indent || lines[j].allSatisfy({ $0 == " " }) { j += 1 }
                    if j < lines.count, key(lines[j], indent: indent) != nil { break }
                    entry.append(l); i += 1; continue
                }
                break
            }
            entries.append((k, entry))
        }
        guard Set(entries.map(\.key)).count == entries.count else { return nil }   // duplicate keys: leave to the checker
        // Nested mappings in canonical order too.
        for e in entries.indices {
            guard let childOrder = nested[entries[e].key], entries[e].lines.count > 1 else { continue }
            let keyLine = entries[e].lines.firstIndex { key($0, indent: indent) != nil }!
            let children = Array(entries[e].lines[(keyLine + 1)...])
            let childIndent = children.first { !isBlankOrComment($0) }.map(indentation) ?? 0
            guard childIndent > indent, let sorted = reorder(children, indent: childIndent, order: childOrder, nested: [:]) else { continue }
            entries[e].lines = Array(entries[e].lines[...keyLine]) + sorted
        }
        let rank = { (k: String) in order.firstIndex(of: k) ?? order.count }
        let sorted = entries.enumerated().sorted { a, b in
            let ra = rank(a.element.key), rb = rank(b.element.key)
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
        return header + sorted.flatMap(\.lines)
    }
}

extension CanonicalFormatter {
    /// The order for a file, from the key that names its kind (`campaign:`, `segment:`,
    /// `project:`, or `customer:` for the schema); nil for files of no known kind.
    public static func order(forFile text: String) -> Order? {
        for line in text.split(separator: "\n") {
            switch key(String(line), indent: 0) {
            case "campaign": return campaign
            case "segment": return segment
            case "project": return project
            case "customer", "events": return schema
            default: continue
            }
        }
        return nil
    }
}
