/// Chooses features among the binned ones: those with too little information value go, then of
/// each pair whose WoE columns correlate beyond the limit the one with less information value goes
/// (features are kept greedily, the most informative first).
struct FeatureSelector {
    let minimumInformationValue: Double
    let correlationLimit: Double

    /// The indices of `binnings` kept, most informative first, and the features dropped.
    func select(_ binnings: [FeatureBinning], encoded: [[Double]]) -> (kept: [Int], dropped: [DroppedFeature]) {
        var kept: [Int] = []
        var dropped: [DroppedFeature] = []
        for index in binnings.indices.sorted(by: { binnings[$0].informationValue > binnings[$1].informationValue }) {
            let binning = binnings[index]
            guard binning.informationValue >= minimumInformationValue else {
                dropped.append(DroppedFeature(name: binning.name, reason: .lowInformationValue(binning.informationValue)))
                continue
            }
            let correlated = kept.lazy.map { ($0, pearsonCorrelation(encoded[$0], encoded[index])) }.first { abs($0.1) > correlationLimit }
            if let (other, correlation) = correlated {
                dropped.append(DroppedFeature(name: binning.name, reason: .correlated(with: binnings[other].name, correlation: correlation)))
            } else {
                kept.append(index)
            }
        }
        return (kept, dropped)
    }
}
