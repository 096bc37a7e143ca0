/// The middle of a set of measurements: the mean of the two middle values for an even count,
/// NaN for none. Every benchmark reports medians, since this machine's speed drifts within minutes.
func median(_ xs: [Double]) -> Double {
    guard !xs.isEmpty else { return .nan }
    let sorted = xs.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}
