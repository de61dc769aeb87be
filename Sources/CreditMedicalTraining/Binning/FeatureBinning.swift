public import CreditMedicalCore

/// One feature's bins as training found them: each bin's goods and bads, where it lies, and the
/// bin of every training row.
///
/// The missing bin has its own WoE; when training saw no missing value it has WoE 0 (a missing
/// value then scores like an average applicant).
public struct FeatureBinning: Sendable {
    public let name: String
    public let kind: Scorecard.FeatureKind
    /// Each bin's counts, in the scorecard's order.
    public let bins: [BinCounts]
    /// The counts of rows with no value.
    public let missing: BinCounts
    /// A numeric feature's exclusive upper bounds, one for each bin but the last.
    public let upperBounds: [Double]
    /// A categorical feature's categories, per bin.
    public let categories: [[String]]
    /// A categorical feature's bin for categories training did not see (the bin of the rare
    /// categories); `nil` when there were none, so unseen categories score as missing.
    public let unseenBin: Int?
    /// Whether the bins' WoE runs one way.
    public let isMonotonic: Bool
    /// The bin of each training row, −1 for missing.
    let rowBins: [Int32]

    init(name: String, kind: Scorecard.FeatureKind, bins: [BinCounts], missing: BinCounts, upperBounds: [Double] = [],
         categories: [[String]] = [], unseenBin: Int? = nil, rowBins: [Int32]) {
        self.name = name
        self.kind = kind
        self.bins = bins
        self.missing = missing
        self.upperBounds = upperBounds
        self.categories = categories
        self.unseenBin = unseenBin
        self.rowBins = rowBins
        let total = bins.total
        let woes = bins.map { $0.weightOfEvidence(in: total + missing) }
        self.isMonotonic = zip(woes.dropFirst(), woes).allSatisfy { $0 >= $1 } || zip(woes.dropFirst(), woes).allSatisfy { $0 <= $1 }
    }

    /// All rows' counts.
    public var total: BinCounts { bins.total + missing }

    /// Each bin's weight of evidence.
    public var weightsOfEvidence: [Double] { bins.map { $0.weightOfEvidence(in: total) } }

    /// The missing bin's weight of evidence; 0 when training saw no missing value.
    public var missingWeightOfEvidence: Double { missing.weightOfEvidence(in: total) }

    /// The feature's information value, its missing bin included.
    public var informationValue: Double { bins.informationValue(in: total) + missing.informationValue(in: total) }

    /// Each training row's WoE.
    func encoded() -> [Double] {
        let woes = weightsOfEvidence, missingWoe = missingWeightOfEvidence
        return rowBins.map { $0 < 0 ? missingWoe : woes[Int($0)] }
    }

    /// The scorecard feature, with `points` per bin and `missingPoints`.
    func feature(points: [Int], missingPoints: Int) -> Scorecard.Feature {
        let woes = weightsOfEvidence
        let bins = self.bins.indices.map { index in
            Scorecard.Bin(upTo: kind == .numeric && index < upperBounds.count ? upperBounds[index] : nil,
                          categories: kind == .categorical ? categories[index] : nil, points: points[index], woe: woes[index])
        }
        return Scorecard.Feature(name: name, kind: kind, bins: bins, missing: Scorecard.Bin(points: missingPoints, woe: missingWeightOfEvidence),
                                 unseenBin: unseenBin, informationValue: informationValue)
    }
}
