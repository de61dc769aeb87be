public import CreditMedicalCore

/// What a training run made: the scorecard, and how it got there.
public struct TrainingResult: Sendable {
    /// The scorecard, with excluded columns, scaling, each feature's information value and each
    /// bin's WoE recorded.
    public let scorecard: Scorecard
    /// Every binned feature, the highest information value first (dropped ones included, without
    /// a coefficient).
    public let features: [FeatureReport]
    /// The columns not used, with the reason.
    public let dropped: [DroppedFeature]
    /// What the caller should know (columns dropped as constant or empty, a fit that did not
    /// converge).
    public let warnings: [String]
    /// The regression on the kept features' WoE.
    public let regression: LogisticRegression
    /// How well the scorecard's scores rank the training rows.
    public let training: Discrimination

    /// The training AUC.
    public var trainAUC: Double { training.auc }
    /// The training KS.
    public var trainKS: Double { training.ks }
}
