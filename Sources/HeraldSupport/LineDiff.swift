/// A line diff by longest common subsequence: `-` lines only in the old text, `+` lines only in the
/// new, unchanged lines as context. Texts over `budget` lines on both sides fall back to comparing
/// line sets, so a diff never costs more than `budget²` steps.
public enum LineDiff {
    public enum Line: Equatable, Sendable {
        case same(String)
        case removed(String)
        case added(String)
    }

    public static func diff(_ old: String, _ new: String, budget: Int = 3_000) -> [Line] {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard a.count <= budget, b.count <= budget else {
            let sa = Set(a), sb = Set(b)
            return a.filter { !sb.contains($0) }.map(Line.removed) + b.filter { !sa.contains($0) }.map(Line.added)
        }
        // lcs[i][j]: the longest common subsequence of a[i...] and b[j...].
        var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var out: [Line] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] { out.append(.same(a[i])); i += 1; j += 1 }
            else if i < a.count, j == b.count || lcs[i + 1][j] >= lcs[i][j + 1] { out.append(.removed(a[i])); i += 1 }
            else { out.append(.added(b[j])); j += 1 }
        }
        return out
    }

    /// The changed lines with `context` unchanged lines around each change, at most `limit` lines,
    /// as `-`/`+`/` ` prefixed text.
    public static func excerpt(_ lines: [Line], context: Int = 1, limit: Int = 20) -> [String] {
        var keep = Set<Int>()
        for (k, l) in lines.enumerated() {
            if case .same = l { continue }
            for m in max(0, k - context)...min(lines.count - 1, k + context) { keep.insert(m) }
        }
        var out: [String] = []
        var last = -1
        for k in keep.sorted() {
            if last >= 0 && k > last + 1 { out.append("…") }
            switch lines[k] {
            case .same(let s): out.append("  " + s)
            case .removed(let s): out.append("- " + s)
            case .added(let s): out.append("+ " + s)
            }
            last = k
            if out.count >= limit { out.append("… (more changes)"); break }
        }
        return out
    }
}
