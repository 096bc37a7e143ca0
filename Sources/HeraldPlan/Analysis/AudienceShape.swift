/// An audience in disjunctive normal form, each conjunction with what subset tests need computed
/// once: whether it is contradictory, the operands (features, columns) its atoms constrain, and
/// its range atoms grouped by subject.
struct AudienceShape {
    struct Conjunct {
        var atoms: [PlanExpr]
        var atomSet: Set<PlanExpr>
        var contradictory: Bool
        var keys: Set<String>
        /// The atoms range merging reads (`subject op constant`, lists), by subject.
        var ranges: [PlanExpr: [RangeMerging.Atom]]

        init(_ atoms: [PlanExpr], _ context: RuleContext) {
            self.atoms = atoms
            atomSet = Set(atoms)
            contradictory = AudienceAnalysis.contradicts(atoms, context)
            keys = Set(atoms.flatMap(AudienceShape.operands))
            ranges = [:]
            for a in atoms { if let r = RangeMerging.Atom(a) { ranges[r.subject, default: []].append(r) } }
        }

        /// Whether this (satisfiable) conjunction implies `atom`: it contains it, or adding the
        /// atom's negation makes the atoms on its subject contradict. This is what range merging
        /// concludes about the whole conjunction plus the negation (only the negation's subject
        /// can change), computed on that subject's atoms alone: the redundant-campaign analysis
        /// asks it millions of times in a large repository.
        func implies(_ atom: PlanExpr) -> Bool {
            if atomSet.contains(atom) { return true }
            guard let negation = AudienceAnalysis.negate(atom), let n = RangeMerging.Atom(negation),
                  let same = ranges[n.subject] else { return false }
            return AudienceAnalysis.merging.intersect(n.subject, same + [n]) == [.false]
        }
    }

    var conjuncts: [Conjunct]

    init(_ form: [[PlanExpr]], _ context: RuleContext) {
        conjuncts = form.map { Conjunct($0, context) }
    }

    /// Whether every conjunction of this audience implies some conjunction of `other`. An atom can
    /// only be implied by a satisfiable conjunction that constrains each of its operands.
    func implies(_ other: AudienceShape) -> Bool {
        conjuncts.allSatisfy { ca in
            ca.contradictory || other.conjuncts.contains { cb in
                cb.keys.isSubset(of: ca.keys) && cb.atoms.allSatisfy(ca.implies)
            }
        }
    }

    /// The features and customer columns an expression reads.
    static func operands(_ e: PlanExpr) -> [String] {
        e.features.map { "f\($0.index)" } + e.columns.map { "c:" + $0 }
    }
}
