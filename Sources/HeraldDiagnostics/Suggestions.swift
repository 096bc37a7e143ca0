/// "Did you mean" candidates by edit distance, as compilers offer for misspelled names.
public enum Suggestions {
    /// The closest candidate within a distance proportional to the word's length, if any.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let w = Array(word.lowercased().unicodeScalars)
        let limit = max(1, min(3, (w.count + 2) / 3))
        var best: (String, Int)?
        for c in candidates.sorted() where c != word {
            let d = distance(w, Array(c.lowercased().unicodeScalars), limit: limit)
            if d <= limit, best == nil || d < best!.1 { best = (c, d) }
        }
        if best == nil {
            // A candidate that contains the word (or the reverse) is a likely intent: `open` → `email_opened`.
            best = candidates.sorted().first { c in
                let lc = c.lowercased(), lw = word.lowercased()
                return lw.count >= 3 && (lc.contains(lw) || lw.contains(lc) && lc.count >= 3)
            }.map { ($0, limit) }
        }
        return best?.0
    }

    /// Damerau-Levenshtein (optimal string alignment) distance, stopping early past `limit`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev2 = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            var rowMin = cur[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = min(v, prev2[j - 2] + 1)
                }
                cur[j] = v
                rowMin = min(rowMin, v)
            }
            if rowMin > limit { return limit + 1 }
            prev2 = prev
            prev = cur
        }
        return prev[b.count]
    }

    /// "`a`, `b` or `c`": a readable list of allowed values for a message.
    public static func list(_ values: [String], conjunction: String = "or", limit: Int = 12) -> String {
        let quoted = values.prefix(limit).map { "`\($0)`" }
        let extra = values.count > limit ? " (and \(values.count - limit) more)" : ""
        switch quoted.count {
        case 0: return ""
        case 1: return quoted[0] + extra
        default: return quoted.dropLast().joined(separator: ", ") + " \(conjunction) " + quoted.last! + extra
        }
    }
}
