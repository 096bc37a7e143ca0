/// An audience in disjunctive normal form, each conjunction with what subset tests need computed
/// once: whether it is contradictory, and the operands (features, columns) its atoms constrain.
struct AudienceShape {
    struct Conjunct {
        var atoms: [PlanExpr]
        var contradictory: Bool
        var keys: Set<String>
    }

    var conjuncts: [Conjunct]

    init(_ form: [[PlanExpr]], _ context: RuleContext) {
        conjuncts = form.map { atoms in
            Conjunct(atoms: atoms, contradictory: AudienceAnalysis.contradicts(atoms, context),
                     keys: Set(atoms.flatMap(AudienceShape.operands)))
        }
    }

    /// Whether every conjunction of this audience implies some conjunction of `other`. An atom can
    /// only be implied by a satisfiable conjunction that constrains each of its operands.
    func implies(_ other: AudienceShape, _ context: RuleContext) -> Bool {
        conjuncts.allSatisfy { ca in
            ca.contradictory || other.conjuncts.contains { cb in
                cb.keys.isSubset(of: ca.keys) && cb.atoms.allSatisfy { AudienceAnalysis.atomImplied($0, by: ca.atoms, context) }
            }
        }
    }

    /// The features and customer columns an expression reads.
    static func operands(_ e: PlanExpr) -> [String] {
        e.features.map { "f\($0.index)" } + e.columns.map { "c:" + $0 }
    }
}
