import HeraldSchema

/// Which campaigns' conjunctions might contain a given conjunction, found without testing every
/// pair: the redundant-campaign analysis (H0503) otherwise runs millions of implication tests in
/// a repository of thousands of campaigns that all read the same few features.
///
/// Conjunctions are bucketed by the operands they constrain (one can only imply another whose
/// every operand it constrains too). Within a bucket, a pivot subject that every conjunction bounds
/// with plain comparisons (`customer.lifetime_value >= 100 and … < 200`) orders them by interval:
/// A can imply B only if A's interval on the pivot lies inside B's, so a sorted scan skips the
/// rest. The answer is a superset of the campaigns that pass the full test, never a subset.
struct SubsetIndex {
    /// A conjunction's bounds on one subject, as closed numbers (the closure of a subset is a
    /// subset of the closure, so comparing closures never loses a candidate).
    struct Bounds {
        var lo: Double
        var hi: Double

        /// Nil unless every atom on the subject is a comparison with a number or a time.
        init?(_ atoms: [RangeMerging.Atom]) {
            lo = -.infinity
            hi = .infinity
            for a in atoms {
                guard a.list == nil, let op = a.op, let c = a.constant.flatMap(Bounds.number) else { return nil }
                switch op {
                case .greater, .greaterOrEqual: lo = max(lo, c)
                case .less, .lessOrEqual: hi = min(hi, c)
                case .equal: lo = max(lo, c); hi = min(hi, c)
                case .notEqual: return nil
                }
            }
        }

        /// A monotonic map of comparable values to numbers.
        static func number(_ v: Value) -> Double? {
            switch v {
            case .int, .decimal: return v.number
            case .timestamp(let t), .date(let t), .duration(let t): return Double(t)
            default: return nil
            }
        }
    }

    /// The conjunctions that constrain one set of operands.
    struct Bucket {
        var keys: [Int]
        var members: [Int] = []
        var pivot: Int?
        /// With a pivot: each member's bounds on it, sorted by lower bound.
        var sorted: [(bounds: Bounds, member: Int)] = []

        /// Members whose conjunction there might contain `c`.
        func candidates(for c: AudienceShape.Conjunct) -> [Int] {
            guard let pivot, let mine = c.ranges(on: pivot).flatMap(Bounds.init) else { return members }
            // The members whose lower bound is at most `c`'s, then those whose upper bound is at least.
            var low = 0, high = sorted.count
            while low < high {
                let mid = (low + high) / 2
                if sorted[mid].bounds.lo <= mine.lo { low = mid + 1 } else { high = mid }
            }
            return sorted[..<low].filter { $0.bounds.hi >= mine.hi }.map(\.member)
        }
    }

    var buckets: [Bucket] = []

    init(members: [Int], shapes: [AudienceShape?]) {
        var byKeys: [[Int]: Int] = [:]
        var conjuncts: [[AudienceShape.Conjunct]] = []
        for j in members {
            for c in shapes[j]!.conjuncts {
                let b = byKeys[c.keys] ?? { byKeys[c.keys] = buckets.count; buckets.append(Bucket(keys: c.keys)); conjuncts.append([]); return buckets.count - 1 }()
                buckets[b].members.append(j)
                conjuncts[b].append(c)
            }
        }
        for b in buckets.indices where buckets[b].members.count > 8 {
            // The pivot: a subject every conjunction bounds, with the most distinct intervals.
            var best: (subject: Int, bounds: [Bounds], distinct: Int)?
            for subject in conjuncts[b][0].subjects {
                let bounds = conjuncts[b].compactMap { $0.ranges(on: subject).flatMap(Bounds.init) }
                guard bounds.count == conjuncts[b].count else { continue }
                let distinct = Set(bounds.map { [$0.lo, $0.hi] }).count
                if distinct > (best?.distinct ?? 1) { best = (subject, bounds, distinct) }
            }
            guard let best else { continue }
            buckets[b].pivot = best.subject
            buckets[b].sorted = zip(best.bounds, buckets[b].members).map { ($0, $1) }.sorted { $0.bounds.lo < $1.bounds.lo }
        }
    }

    /// Campaigns with a conjunction that might contain `c`.
    func candidates(for c: AudienceShape.Conjunct) -> Set<Int> {
        var out = Set<Int>()
        for b in buckets where AudienceShape.isSubset(b.keys, of: c.keys) { out.formUnion(b.candidates(for: c)) }
        return out
    }
}
