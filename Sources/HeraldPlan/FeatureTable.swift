import HeraldChecker

/// The project's shared features: equal aggregates written anywhere (campaigns, segments, blocks)
/// are interned once, so the SQL computes each one once.
public final class FeatureTable: @unchecked Sendable {
    public private(set) var features: [Feature] = []
    private var index: [Feature: FeatureID] = [:]

    public init() {}

    public func intern(_ f: Feature) -> FeatureID {
        if let id = index[f] { return id }
        let id = FeatureID(index: features.count)
        features.append(f)
        index[f] = id
        return id
    }

    public subscript(id: FeatureID) -> Feature { features[id.index] }
}
