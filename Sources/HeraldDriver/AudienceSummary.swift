import HeraldDatabase

/// Counts of an audience result per experiment arm and per block choice, and a preview table.
public struct AudienceSummary {
    public let result: QueryResult

    public init(result: QueryResult) { self.result = result }

    private func index(_ column: String) -> Int? { result.columns.firstIndex(of: column) }

    public var heldOut: Int {
        guard let arm = index("herald_arm") else { return 0 }
        return result.rows.filter { $0[arm] == .text("holdout") }.count
    }

    public var recipients: Int { result.rows.count - heldOut }

    /// `by arm: control 95, urgent 96, holdout 21` and one line per block column.
    public var breakdown: [String] {
        var lines: [String] = []
        for (i, column) in result.columns.enumerated() where column == "herald_arm" || column.hasPrefix("herald_block_") {
            var counts: [String: Int] = [:]
            for row in result.rows { counts[row[i] == .null ? "none" : row[i].description, default: 0] += 1 }
            let label = column == "herald_arm" ? "by arm" : "by block \(column.dropFirst("herald_block_".count))"
            lines.append("\(label): " + counts.keys.sorted().map { "\($0) \(counts[$0]!)" }.joined(separator: ", "))
        }
        return lines
    }

    /// The first rows as an aligned text table.
    public func table(limit: Int) -> String {
        let rows = result.rows.prefix(limit).map { $0.map { $0 == .null ? "" : $0.description } }
        var widths = result.columns.map(\.count)
        for r in rows { for (i, v) in r.enumerated() { widths[i] = min(40, max(widths[i], v.count)) } }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { c, w in
                let clipped = c.count > w ? String(c.prefix(w - 1)) + "…" : c
                return clipped + String(repeating: " ", count: w - clipped.count)
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces) + "\n"
        }
        var out = line(result.columns)
        out += line(widths.map { String(repeating: "-", count: $0) })
        for r in rows { out += line(r) }
        return out
    }
}

import Foundation
