import HeraldChecker
import HeraldPlan

/// Existence tests that share one latest-time aggregate.
///
/// When every use of a count only asks whether it is at least one (`exists(cart_added within 7d)`,
/// `not exists(any within 60d)`), and the same scan counts the same events (type and filter) over
/// other windows, one `MAX(time)` answers all of them: an event exists within W exactly when the
/// latest one the scan reads is no older than `as_of − W`, because the scan reads every such event
/// inside its widest window. A scanned row then feeds one aggregate instead of one per window.
struct LatestTimeSharing {
    /// One shared aggregate: the scan computing it, its column name, and the feature whose event
    /// type and filter it reads.
    struct Aggregate {
        var scan: Int
        var name: String
        var representative: Feature
    }

    private(set) var aggregates: [Aggregate] = []
    /// Feature → index into `aggregates`.
    private(set) var shared: [FeatureID: Int] = [:]

    init(scans: [ScanGroup], features: FeatureTable, predicates: [PlanExpr]) {
        let existenceOnly = LatestTimeSharing.existenceOnly(predicates)
        for (i, g) in scans.enumerated() {
            // Counts grouped by what they count (event type and filter), in order of appearance.
            // A scan holds few such groups: finding one by comparison costs less than hashing
            // every feature with its filter.
            var groups: [(key: Feature, ids: [FeatureID])] = []
            let window = g.window
            for id in g.features where existenceOnly.contains(id) {
                let f = features[id]
                guard f.function == .count else { continue }
                if let k = groups.firstIndex(where: { $0.key.event == f.event && $0.key.filter == f.filter }) {
                    groups[k].ids.append(id)
                } else {
                    groups.append((Feature(function: .last, event: f.event, property: nil, filter: f.filter, window: window), [id]))
                }
            }
            // A lone existence test gains nothing from a different aggregate.
            for group in groups where group.ids.count > 1 {
                for id in group.ids { shared[id] = aggregates.count }
                aggregates.append(Aggregate(scan: i, name: "t\(aggregates.count)", representative: group.key))
            }
        }
    }

    func aggregates(inScan i: Int) -> [Aggregate] { aggregates.filter { $0.scan == i } }

    /// Features every use of which compares them with zero or one as an existence test.
    static func existenceOnly(_ predicates: [PlanExpr]) -> Set<FeatureID> {
        var existence = Set<FeatureID>(), other = Set<FeatureID>()
        func visit(_ e: PlanExpr) {
            if case .compare(let op, let a, let b) = e {
                if case .feature(let id) = a, case .constant(.int(let k)) = b, isExistenceTest(op, k) { existence.insert(id); return }
                if case .feature(let id) = b, case .constant(.int(let k)) = a, isExistenceTest(op.flipped, k) { existence.insert(id); return }
            }
            if case .feature(let id) = e { other.insert(id) }
            e.forEachChild(visit)
        }
        predicates.forEach(visit)
        return existence.subtracting(other)
    }

    /// Whether `count op k` is `count >= 1` or its negation for a count (never negative).
    static func isExistenceTest(_ op: CompareOperator, _ k: Int64) -> Bool {
        switch op {
        case .greaterOrEqual, .less: return k == 1
        case .greater, .lessOrEqual, .equal, .notEqual: return k == 0
        }
    }
}
