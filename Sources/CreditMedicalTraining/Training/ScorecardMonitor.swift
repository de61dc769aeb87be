public import CreditMedicalCore

/// Watches a scorecard's population drift: the PSI of its scores (over the baseline's score
/// deciles) and of each feature's bin distribution (its missing bin included), between a baseline
/// table (such as the training data) and a current one.
public struct ScorecardMonitor: Sendable {
    /// One feature's drift.
    public struct FeatureStability: Sendable, Hashable {
        public let name: String
        public let stability: PopulationStability
    }

    /// The drift between two tables.
    public struct Report: Sendable {
        /// The drift of the scores.
        public let score: PopulationStability
        /// Each feature's drift, in the scorecard's order.
        public let features: [FeatureStability]
    }

    public let scorecard: Scorecard
    /// How many quantile bins of the baseline's scores the score PSI uses.
    public let scoreBins: Int

    public init(scorecard: Scorecard, scoreBins: Int = 10) {
        self.scorecard = scorecard
        self.scoreBins = max(scoreBins, 2)
    }

    /// Compares `current` with `baseline`. Throws `TrainingError.Code.tableMismatch` when a
    /// table's column does not fit the scorecard.
    public func compare(baseline: CSVTable, current: CSVTable) throws(TrainingError) -> Report {
        let baselineScores = try ScorecardEvaluation.scores(scorecard, baseline)
        let currentScores = try ScorecardEvaluation.scores(scorecard, current)
        let sorted = baselineScores.sorted()
        var cuts: [Double] = []
        for step in 1..<scoreBins where !sorted.isEmpty {
            let cut = sorted[step * sorted.count / scoreBins]
            if cut > (cuts.last ?? sorted[0]) { cuts.append(cut) }
        }
        let score = try PopulationStability(baseline: Self.histogram(baselineScores, cuts), current: Self.histogram(currentScores, cuts))
        var features: [FeatureStability] = []
        for feature in scorecard.features {
            let stability = try PopulationStability(baseline: binCounts(feature, baseline), current: binCounts(feature, current))
            features.append(FeatureStability(name: feature.name, stability: stability))
        }
        return Report(score: score, features: features)
    }

    private static func histogram(_ scores: [Double], _ cuts: [Double]) -> [Double] {
        var counts = [Double](repeating: 0, count: cuts.count + 1)
        for score in scores { counts[NumericBinner.bin(of: score, in: cuts)] += 1 }
        return counts
    }

    /// How many rows of `table` fall in each bin of `feature`, the missing bin last.
    private func binCounts(_ feature: Scorecard.Feature, _ table: CSVTable) throws(TrainingError) -> [Double] {
        var counts = [Double](repeating: 0, count: feature.bins.count + 1)
        do throws(ScoringError) {
            switch table.column(feature.name) {
            case nil:
                counts[feature.bins.count] = Double(table.rowCount)
            case .numbers(let values)?:
                guard feature.kind == .numeric else { throw ScoringError(.batchMismatch, context: ["feature": feature.name]) }
                for value in values { counts[try feature.binIndex(of: .number(value)) ?? feature.bins.count] += 1 }
            case .categories(let codes, let dictionary)?:
                let bins = try dictionary.map { category throws(ScoringError) in try feature.binIndex(of: .category(category)) }
                for code in codes { counts[code < 0 ? feature.bins.count : bins[Int(code)] ?? feature.bins.count] += 1 }
            }
        } catch {
            throw TrainingError(.tableMismatch, context: error.context, details: error.details)
        }
        return counts
    }
}
