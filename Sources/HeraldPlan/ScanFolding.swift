import HeraldSchema

extension ScanPlanner {
    /// The scans with every property scan that another scan already covers folded into that scan:
    /// its features become conditional aggregates over rows the other scan reads anyway, so the
    /// query makes one pass and one join fewer. Whether that is cheaper than a scan of the event
    /// type's own rows is the engine's call (`SQLDialect.prefersFewerScans`); the plan keeps them
    /// apart.
    public static func foldingCoveredScans(_ groups: [ScanGroup]) -> [ScanGroup] {
        var out = groups
        var i = 0
        while i < out.count {
            guard let host = out.indices.first(where: { $0 != i && covers(out[$0], out[i]) }) else { i += 1; continue }
            // Ranges never change, so what was checked before stays checked; the next scan moves to `i`.
            out[host].features += out[i].features
            out.remove(at: i)
        }
        return out
    }

    /// Whether scan `host` reads every row scan `g` reads: both read the single events table, and
    /// one of the host's ranges takes in each of `g`'s ranges (every type `g` reads, at least as
    /// far back).
    static func covers(_ host: ScanGroup, _ g: ScanGroup) -> Bool {
        guard host.source == .eventsTable, g.source == .eventsTable else { return false }
        return g.ranges.allSatisfy { inner in
            host.ranges.contains { outer in
                covers(outer.window, inner.window) && (outer.events == nil || inner.events.map { Set($0).isSubset(of: outer.events!) } == true)
            }
        }
    }
}
