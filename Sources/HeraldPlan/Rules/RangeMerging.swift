import HeraldChecker
import HeraldSchema

/// Merges conditions on the same value: in an `and`, `x > 3 and x > 5` is `x > 5`, `x == 1 and
/// x > 3` is `false`, `x in [a, b] and x != a` is `x == b`; in an `or`, `x > 3 or x > 5` is
/// `x > 3` and `x == 1 or x == 2` is `x in [1, 2]`.
public struct RangeMerging: PlanRule {
    public let name = "range-merging"

    public init() {}

    /// `subject op constant`, normalized so the subject is on the left.
    struct Atom {
        var subject: PlanExpr
        var op: CompareOperator?
        var constant: Value?
        var list: [Value]?
        var negatedList = false

        init(subject: PlanExpr, op: CompareOperator, constant: Value) {
            self.subject = subject; self.op = op; self.constant = constant
        }

        init(subject: PlanExpr, list: [Value], negated: Bool) {
            self.subject = subject; self.list = list; negatedList = negated
        }

        init?(_ e: PlanExpr) {
            switch e {
            case .compare(let op, let a, .constant(let v)) where !isConstant(a) && v != .null:
                subject = a; self.op = op; constant = v
            case .compare(let op, .constant(let v), let b) where !isConstant(b) && v != .null:
                subject = b; self.op = op.flipped; constant = v
            case .inList(let x, let values, let negated) where !isConstant(x):
                subject = x; list = values; negatedList = negated
            default:
                return nil
            }
        }
    }

    static func isConstant(_ e: PlanExpr) -> Bool {
        if case .constant = e { return true }
        return false
    }

    public func rewrite(_ node: PlanExpr, _ context: RuleContext) -> PlanExpr? {
        switch node {
        case .and(let xs): return merge(xs, conjunction: true)
        case .or(let xs): return merge(xs, conjunction: false)
        default: return nil
        }
    }

    private func merge(_ xs: [PlanExpr], conjunction: Bool) -> PlanExpr? {
        var groups: [PlanExpr: [Int]] = [:]
        for (i, x) in xs.enumerated() {
            if let a = Atom(x) { groups[a.subject, default: []].append(i) }
        }
        guard groups.values.contains(where: { $0.count > 1 }) else { return nil }
        var replacement: [Int: [PlanExpr]] = [:]
        var dropped = Set<Int>()
        for (subject, indices) in groups where indices.count > 1 {
            let atoms = indices.map { Atom(xs[$0])! }
            let merged = conjunction ? intersect(subject, atoms) : unite(subject, atoms)
            guard let merged else { continue }
            if conjunction, merged == [.false] { return .false }
            if !conjunction, merged == [.true] { return .true }
            replacement[indices[0]] = merged
            for i in indices.dropFirst() { dropped.insert(i) }
        }
        var out: [PlanExpr] = []
        for (i, x) in xs.enumerated() where !dropped.contains(i) {
            if let r = replacement[i] { out += r } else { out.append(x) }
        }
        if out == xs { return nil }
        if out.count == 1 { return out[0] }
        return conjunction ? .and(out) : .or(out)
    }

    private func cmp(_ a: Value, _ b: Value) -> Int? { ValueOrder.compare(a, b) }

    /// The conjunction of atoms on one subject, as the fewest atoms; `[.false]` when unsatisfiable.
    func intersect(_ subject: PlanExpr, _ atoms: [Atom]) -> [PlanExpr]? {
        var lower: (Value, Bool)?
        var upper: (Value, Bool)?
        var allowed: [Value]?
        var excluded: [Value] = []
        for a in atoms {
            if let list = a.list {
                if a.negatedList { excluded += list } else {
                    allowed = allowed.map { cur in cur.filter { v in list.contains { cmp($0, v) == 0 } } } ?? list
                }
                continue
            }
            guard let op = a.op, let c = a.constant else { return nil }
            switch op {
            case .equal: allowed = allowed.map { cur in cur.filter { cmp($0, c) == 0 } } ?? [c]
            case .notEqual: excluded.append(c)
            case .greater, .greaterOrEqual:
                let inclusive = op == .greaterOrEqual
                guard let cur = lower else { lower = (c, inclusive); continue }
                guard let o = cmp(c, cur.0) else { return nil }
                if o > 0 || (o == 0 && !inclusive) { lower = (c, inclusive) }
            case .less, .lessOrEqual:
                let inclusive = op == .lessOrEqual
                guard let cur = upper else { upper = (c, inclusive); continue }
                guard let o = cmp(c, cur.0) else { return nil }
                if o < 0 || (o == 0 && !inclusive) { upper = (c, inclusive) }
            }
        }
        func inRange(_ v: Value) -> Bool? {
            if let (lo, inc) = lower { guard let o = cmp(v, lo) else { return nil }; if o < 0 || (o == 0 && !inc) { return false } }
            if let (hi, inc) = upper { guard let o = cmp(v, hi) else { return nil }; if o > 0 || (o == 0 && !inc) { return false } }
            return true
        }
        if let allowedValues = allowed {
            var kept: [Value] = []
            for v in allowedValues {
                guard let ok = inRange(v) else { return nil }
                if ok && !excluded.contains(where: { cmp($0, v) == 0 }) && !kept.contains(where: { cmp($0, v) == 0 }) { kept.append(v) }
            }
            if kept.isEmpty { return [.false] }
            return [kept.count == 1 ? .compare(.equal, subject, .constant(kept[0])) : .inList(subject, kept, negated: false)]
        }
        var out: [PlanExpr] = []
        if let (lo, loInc) = lower, let (hi, hiInc) = upper {
            guard let o = cmp(lo, hi) else { return nil }
            if o > 0 || (o == 0 && !(loInc && hiInc)) { return [.false] }
            if o == 0 {
                return excluded.contains(where: { cmp($0, lo) == 0 }) ? [.false] : [.compare(.equal, subject, .constant(lo))]
            }
        }
        if let (lo, inc) = lower { out.append(.compare(inc ? .greaterOrEqual : .greater, subject, .constant(lo))) }
        if let (hi, inc) = upper { out.append(.compare(inc ? .lessOrEqual : .less, subject, .constant(hi))) }
        var stillExcluded: [Value] = []
        for v in excluded {
            guard let ok = inRange(v) else { return nil }
            if ok && !stillExcluded.contains(where: { cmp($0, v) == 0 }) { stillExcluded.append(v) }
        }
        if stillExcluded.count == 1 { out.append(.compare(.notEqual, subject, .constant(stillExcluded[0]))) }
        if stillExcluded.count > 1 { out.append(.inList(subject, stillExcluded, negated: true)) }
        return out.isEmpty ? [.true] : out
    }

    /// The disjunction of atoms on one subject when it simplifies: one-sided bounds keep the weakest,
    /// equalities and lists become one list. Nil when the atoms mix kinds.
    private func unite(_ subject: PlanExpr, _ atoms: [Atom]) -> [PlanExpr]? {
        if atoms.allSatisfy({ ($0.op == .equal) || ($0.list != nil && !$0.negatedList) }) {
            var values: [Value] = []
            for a in atoms {
                for v in a.list ?? [a.constant!] where !values.contains(where: { cmp($0, v) == 0 }) { values.append(v) }
            }
            return [values.count == 1 ? .compare(.equal, subject, .constant(values[0])) : .inList(subject, values, negated: false)]
        }
        let lowers = atoms.allSatisfy { $0.op == .greater || $0.op == .greaterOrEqual }
        let uppers = atoms.allSatisfy { $0.op == .less || $0.op == .lessOrEqual }
        guard lowers || uppers else { return nil }
        var best = atoms[0]
        for a in atoms.dropFirst() {
            guard let o = cmp(a.constant!, best.constant!) else { return nil }
            let weaker = lowers ? o < 0 : o > 0
            let inclusive = a.op == .greaterOrEqual || a.op == .lessOrEqual
            if weaker || (o == 0 && inclusive) { best = a }
        }
        return [.compare(best.op!, subject, .constant(best.constant!))]
    }
}
