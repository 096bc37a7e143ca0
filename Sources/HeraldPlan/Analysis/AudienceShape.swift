/// An audience in disjunctive normal form, each conjunction with what subset tests need computed
/// once: whether it is contradictory, the operands (features, columns) its atoms constrain, and
/// its range atoms grouped by subject.
struct AudienceShape {
    struct Conjunct {
        // A conjunction holds a handful of atoms: linear scans beat hashing or grouping them, and
        // an audience edit in a large repository builds one per campaign.
        var atoms: [ShapeAtom]
        var contradictory: Bool
        /// The operands the atoms constrain, sorted and unique.
        var keys: [Int]

        init(_ atoms: [ShapeAtom]) {
            self.atoms = atoms
            var keys: [Int] = []
            keys.reserveCapacity(atoms.count)
            for a in atoms { keys += a.operands }
            keys.sort()
            var unique = 0
            for k in keys.indices where k == 0 || keys[k] != keys[unique - 1] {
                keys[unique] = keys[k]
                unique += 1
            }
            keys.removeLast(keys.count - unique)
            self.keys = keys
            // What range merging concludes about the whole conjunction: only atoms on one subject
            // interact, so each subject that more than one atom bounds is intersected.
            var contradictory = false
            for (i, a) in atoms.enumerated() {
                guard let s = a.subject, !atoms[..<i].contains(where: { $0.subject == s }),
                      atoms[(i + 1)...].contains(where: { $0.subject == s }) else { continue }
                let same = atoms.compactMap { $0.subject == s ? $0.rangeAtom : nil }
                if AudienceAnalysis.merging.intersect(.asOf, same) == [.false] { contradictory = true; break }
            }
            self.contradictory = contradictory
        }

        /// The range atoms on one subject; nil when none.
        func ranges(on subject: Int) -> [RangeMerging.Atom]? {
            let same = atoms.compactMap { $0.subject == subject ? $0.rangeAtom : nil }
            return same.isEmpty ? nil : same
        }

        /// The subjects of range atoms, each once, in order.
        var subjects: [Int] {
            var out: [Int] = []
            for a in atoms { if let s = a.subject, !out.contains(s) { out.append(s) } }
            return out
        }

        /// Whether this (satisfiable) conjunction implies `atom`: it contains it, or adding the
        /// atom's negation makes the atoms on its subject contradict. This is what range merging
        /// concludes about the whole conjunction plus the negation (only the negation's subject
        /// can change), computed on that subject's atoms alone: the redundant-campaign analysis
        /// asks it millions of times in a large repository.
        func implies(_ atom: ShapeAtom) -> Bool {
            if atoms.contains(atom) { return true }
            guard let negation = atom.negation, let subject = negation.subject, let n = negation.rangeAtom,
                  let same = ranges(on: subject) else { return false }
            return AudienceAnalysis.merging.intersect(.asOf, same + [n]) == [.false]
        }
    }

    var conjuncts: [Conjunct]

    init(_ form: [[ShapeAtom]]) {
        conjuncts = form.map(Conjunct.init)
    }

    /// Whether every conjunction of this audience implies some conjunction of `other`. An atom can
    /// only be implied by a satisfiable conjunction that constrains each of its operands.
    func implies(_ other: AudienceShape) -> Bool {
        conjuncts.allSatisfy { ca in
            ca.contradictory || other.conjuncts.contains { cb in
                AudienceShape.isSubset(cb.keys, of: ca.keys) && cb.atoms.allSatisfy(ca.implies)
            }
        }
    }

    /// Whether every number of sorted `a` is in sorted `b`.
    static func isSubset(_ a: [Int], of b: [Int]) -> Bool {
        var j = 0
        for x in a {
            while j < b.count && b[j] < x { j += 1 }
            guard j < b.count, b[j] == x else { return false }
            j += 1
        }
        return true
    }
}
