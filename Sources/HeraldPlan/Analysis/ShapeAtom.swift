import HeraldChecker
import HeraldSchema
import HeraldSupport

/// One condition of an audience conjunction as the redundant-campaign analysis (H0503) reads it.
/// Every feature and column is known by its printed form rather than by its index in one run's
/// feature table, and printed forms are numbered in a `StringTable` that a whole set of profiles
/// shares (the planner's, or the check cache's). Atoms of campaigns checked in different runs therefore compare
/// equal when they say the same thing, which lets the check cache keep them, and comparing them
/// compares numbers.
public struct ShapeAtom: Hashable, Sendable {
    public enum Form: Hashable, Sendable {
        /// `subject op constant`, with the subject on the left.
        case compare(subject: Int, CompareOperator, Value)
        /// `subject in [values]`, or `not in` when negated.
        case list(subject: Int, [Value], negated: Bool)
        /// Any other condition, known by its printed form: only itself implies it.
        case other(Int)
    }

    public var form: Form
    /// The features and customer columns the condition reads, by printed form, sorted and unique.
    public var operands: [Int]

    public init(form: Form, operands: [Int]) {
        self.form = form
        self.operands = operands
    }

    init(_ e: PlanExpr, printer: PlanPrinter, symbols: inout StringTable) {
        if let a = RangeMerging.Atom(e) {
            let subject = symbols.id(printer.print(a.subject))
            if let list = a.list {
                form = .list(subject: subject, list, negated: a.negatedList)
            } else {
                form = .compare(subject: subject, a.op!, a.constant!)
            }
        } else {
            form = .other(symbols.id(printer.print(e)))
        }
        let printed = e.features.map { printer.describe(printer.features[$0]) } + e.columns.map { "customer." + $0 }
        operands = Set(printed.map { symbols.id($0) }).sorted()
    }

    /// The subject range merging reasons about, for comparisons and lists.
    var subject: Int? {
        switch form {
        case .compare(let s, _, _), .list(let s, _, _): return s
        case .other: return nil
        }
    }

    /// The atom as range merging reads it. Subjects are matched by number before this is asked,
    /// so the atom carries a placeholder subject (merging only copies it into its output).
    var rangeAtom: RangeMerging.Atom? {
        switch form {
        case .compare(_, let op, let c): return RangeMerging.Atom(subject: .asOf, op: op, constant: c)
        case .list(_, let values, let negated): return RangeMerging.Atom(subject: .asOf, list: values, negated: negated)
        case .other: return nil
        }
    }

    /// The negation, where range merging can use it (`x < 3` for `x >= 3`, `not in` for `in`).
    var negation: ShapeAtom? {
        switch form {
        case .compare(let s, let op, let c): return ShapeAtom(form: .compare(subject: s, op.negated, c), operands: operands)
        case .list(let s, let values, let negated): return ShapeAtom(form: .list(subject: s, values, negated: !negated), operands: operands)
        case .other: return nil
        }
    }

    /// The same atom with its numbers mapped to another table's (`map` takes a number of this
    /// atom's table to the other's).
    func renumbered(_ map: (Int) -> Int) -> ShapeAtom {
        let form: Form
        switch self.form {
        case .compare(let s, let op, let c): form = .compare(subject: map(s), op, c)
        case .list(let s, let values, let negated): form = .list(subject: map(s), values, negated: negated)
        case .other(let s): form = .other(map(s))
        }
        return ShapeAtom(form: form, operands: operands.map(map).sorted())
    }
}

extension ShapeAtom {
    /// Appends the atom as numbers: a kind (0 comparison, 1 list, 2 negated list, 3 other), its
    /// fields, then the operands (`-1` when they are just the subject, which is what most
    /// conditions read).
    func encode(into out: inout [Int], _ symbols: inout StringTable) {
        switch form {
        case .compare(let s, let op, let c):
            out += [0, s, CompareOperator.allCases.firstIndex(of: op)!]
            c.encode(into: &out, &symbols)
        case .list(let s, let values, let negated):
            out += [negated ? 2 : 1, s, values.count]
            for v in values { v.encode(into: &out, &symbols) }
        case .other(let s):
            out += [3, s]
        }
        if let subject, operands == [subject] {
            out.append(-1)
        } else {
            out.append(operands.count)
            out += operands
        }
    }

    init?(reading r: inout NumberReader) {
        switch r.int() {
        case 0:
            guard let s = r.symbol(), let op = r.int().flatMap({ CompareOperator.allCases.indices.contains($0) ? CompareOperator.allCases[$0] : nil }),
                  let c = Value(reading: &r) else { return nil }
            form = .compare(subject: s, op, c)
        case let kind? where kind == 1 || kind == 2:
            guard let s = r.symbol(), let n = r.count() else { return nil }
            var values: [Value] = []
            for _ in 0..<n { guard let v = Value(reading: &r) else { return nil }; values.append(v) }
            form = .list(subject: s, values, negated: kind == 2)
        case 3:
            guard let s = r.symbol() else { return nil }
            form = .other(s)
        default:
            return nil
        }
        operands = []
        if let subject, r.skip(-1) {
            operands = [subject]
            return
        }
        guard let n = r.count() else { return nil }
        for _ in 0..<n { guard let o = r.symbol() else { return nil }; operands.append(o) }
    }
}

extension Value {
    /// A tag (0 null, 1 bool, 2 int, 3 decimal, 4 string, 5 timestamp, 6 date, 7 duration) and its
    /// payload; decimal digits and strings by their number in the profiles' table.
    func encode(into out: inout [Int], _ symbols: inout StringTable) {
        switch self {
        case .null: out.append(0)
        case .bool(let b): out += [1, b ? 1 : 0]
        case .int(let i): out += [2, Int(i)]
        case .decimal(let d): out += [3, symbols.id(d)]
        case .string(let s): out += [4, symbols.id(s)]
        case .timestamp(let t): out += [5, Int(t)]
        case .date(let d): out += [6, Int(d)]
        case .duration(let s): out += [7, Int(s)]
        }
    }

    init?(reading r: inout NumberReader) {
        switch r.int() {
        case 0: self = .null
        case 1: guard let b = r.int(), b == 0 || b == 1 else { return nil }; self = .bool(b == 1)
        case 2: guard let i = r.int() else { return nil }; self = .int(Int64(i))
        case 3: guard let d = r.string() else { return nil }; self = .decimal(d)
        case 4: guard let s = r.string() else { return nil }; self = .string(s)
        case 5: guard let t = r.int() else { return nil }; self = .timestamp(Int64(t))
        case 6: guard let d = r.int() else { return nil }; self = .date(Int64(d))
        case 7: guard let u = r.int() else { return nil }; self = .duration(Int64(u))
        default: return nil
        }
    }
}
