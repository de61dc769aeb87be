public import CreditMedicalCore

/// What a training run is called and how it bins, selects, fits and scales.
public struct TrainingOptions: Sendable, Hashable {
    /// The scorecard's id and version.
    public var id: String
    public var version: String
    /// How each feature is binned.
    public var binning: BinningOptions
    /// Features with a lower information value are dropped.
    public var minimumInformationValue: Double
    /// Of two features whose WoE columns correlate more than this (in absolute value), the one
    /// with the lower information value is dropped.
    public var correlationLimit: Double
    /// The L2 penalty: the regression's penalty is `l2 × Σ bi² / 2` on a log-likelihood summed
    /// over the rows (as scikit-learn's `C = 1 / l2`), so it weighs more on a small sample than
    /// on a large one.
    public var l2: Double
    /// How log-odds become points.
    public var scaling: Scorecard.PointsScaling
    /// Columns never used, by policy (such as age); recorded in the scorecard.
    public var excluded: [String]

    public init(id: String = "trained", version: String = "1", binning: BinningOptions = BinningOptions(), minimumInformationValue: Double = 0.005,
                correlationLimit: Double = 0.9, l2: Double = 2, scaling: Scorecard.PointsScaling = Scorecard.PointsScaling(),
                excluded: [String] = []) {
        self.id = id
        self.version = version
        self.binning = binning
        self.minimumInformationValue = minimumInformationValue
        self.correlationLimit = correlationLimit
        self.l2 = l2
        self.scaling = scaling
        self.excluded = excluded
    }

    /// Throws `TrainingError.Code.invalidOptions` naming the first option out of range.
    func validate() throws(TrainingError) {
        let problems: [(String, Bool, String)] = [
            ("id", !id.isEmpty && !version.isEmpty, "id and version must not be empty"),
            ("minimumBinShare", binning.minimumBinShare >= 0 && binning.minimumBinShare < 0.5, "must be at least 0 and below 0.5"),
            ("fineBins", binning.fineBins >= 2, "must be at least 2"),
            ("maximumBins", binning.maximumBins >= 1, "must be at least 1"),
            ("nonMonotonicGain", binning.nonMonotonicGain >= 1, "must be at least 1"),
            ("minimumInformationValue", minimumInformationValue >= 0, "must not be negative"),
            ("correlationLimit", correlationLimit > 0 && correlationLimit <= 1, "must be above 0 and at most 1"),
            ("l2", l2 >= 0 && l2.isFinite, "must be finite and not negative"),
            ("scaling", scaling.baseOdds > 0 && scaling.pointsToDoubleOdds > 0, "base odds and points to double the odds must be positive"),
        ]
        if let (option, _, problem) = problems.first(where: { !$0.1 }) {
            throw TrainingError(.invalidOptions, context: ["option": option, "problem": problem])
        }
    }
}
