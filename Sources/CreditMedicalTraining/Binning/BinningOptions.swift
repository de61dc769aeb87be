/// How features are binned.
public struct BinningOptions: Sendable, Hashable, Codable {
    /// How many quantile bins a numeric feature starts from.
    public var fineBins: Int
    /// The smallest share of all rows a bin may hold (missing values apart).
    public var minimumBinShare: Double
    /// The most bins a feature may end with (its missing bin apart).
    public var maximumBins: Int
    /// A numeric feature's WoE is made to run one way unless the binning that does not run one
    /// way has at least this many times its information value: by default 3, so a U-shaped
    /// feature, whose signal merging to one trend destroys, keeps its shape, while noise that
    /// breaks a trend is merged away (on the German credit data always-monotonic bins rank
    /// held-out rows better than bins kept non-monotonic for a 30% gain).
    public var nonMonotonicGain: Double

    public init(fineBins: Int = 50, minimumBinShare: Double = 0.03, maximumBins: Int = 16, nonMonotonicGain: Double = 3.0) {
        self.fineBins = fineBins
        self.minimumBinShare = minimumBinShare
        self.maximumBins = maximumBins
        self.nonMonotonicGain = nonMonotonicGain
    }
}
