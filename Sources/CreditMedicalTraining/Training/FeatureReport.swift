/// What training found of one feature: its bins and, when the scorecard uses it, its weight.
public struct FeatureReport: Sendable {
    public let binning: FeatureBinning
    /// The regression's weight of the feature's WoE; `nil` when the feature was dropped.
    public let coefficient: Double?

    public var name: String { binning.name }
    public var informationValue: Double { binning.informationValue }
}
