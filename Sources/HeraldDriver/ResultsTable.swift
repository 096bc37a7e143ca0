/// The rows of a results query (`arm, recipients, conversions, conversion_rate, z, p_value`) as an
/// aligned table with percentages and rounded statistics.
public enum ResultsTable {
    public static func render(_ rows: [[String]], control: String) -> String {
        var table = [["arm", "recipients", "conversions", "rate", "z", "p-value"]]
        for r in rows where r.count >= 6 {
            let rate = Double(r[3]).map { format($0 * 100, 2) + "%" } ?? "-"
            let z = Double(r[4]).map { format($0, 2) } ?? "-"
            let p = Double(r[5]).map { format($0, 4) } ?? (r[0] == control ? "(baseline)" : "-")
            table.append([r[0], r[1], r[2], rate, z, p])
        }
        if rows.isEmpty { return table[0].joined(separator: "  ") + "\n(no sends recorded yet)\n" }
        let widths = (0..<6).map { c in table.map { $0[c].count }.max() ?? 0 }
        return table.map { row in
            row.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return c == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// Fixed-point text with `digits` decimals, without Foundation's locale-dependent formatting.
    static func format(_ x: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let n = (abs(x) * scale).rounded()
        let whole = Int64(n / scale), frac = Int64(n) - whole * Int64(scale)
        var f = String(frac)
        while f.count < digits { f = "0" + f }
        return (x < 0 && n != 0 ? "-" : "") + String(whole) + (digits > 0 ? "." + f : "")
    }
}
