public import CreditMedicalCore

/// Fits a points scorecard the way a risk team does: bins every column (quantile fine bins merged
/// to a minimum share, monotonic WoE; rare categories grouped), keeps features with enough
/// information value and not too correlated with a better one, fits a logistic regression on
/// their WoE, and scales it to points.
public struct ScorecardTrainer: Sendable {
    public var options: TrainingOptions

    public init(options: TrainingOptions = TrainingOptions()) {
        self.options = options
    }

    /// Trains on `table`, whose column `target` is 1 for a bad (defaulted) row and 0 for a good one.
    /// Throws ``TrainingError`` for a missing or invalid target, a single class, options out of
    /// range, or no usable feature.
    public func train(_ table: CSVTable, target: String) throws(TrainingError) -> TrainingResult {
        try options.validate()
        let targets = try TargetColumn.targets(of: table, named: target)
        let bads = targets.reduce(0) { $0 + Int($1) }
        guard bads > 0, bads < targets.count else {
            throw TrainingError(.singleClass, context: ["bads": "\(bads)", "goods": "\(targets.count - bads)"])
        }
        var dropped: [DroppedFeature] = []
        var warnings: [String] = []
        var binnings: [FeatureBinning] = []
        for (name, column) in zip(table.columnNames, table.columns) where name != target {
            if options.excluded.contains(name) {
                dropped.append(DroppedFeature(name: name, reason: .excluded))
            } else if let useless = Self.uselessReason(column) {
                dropped.append(DroppedFeature(name: name, reason: useless))
                warnings.append("dropped \(DroppedFeature(name: name, reason: useless))")
            } else {
                binnings.append(bin(name, column, targets))
            }
        }
        let encoded = binnings.map { $0.encoded() }
        let selection = FeatureSelector(minimumInformationValue: options.minimumInformationValue, correlationLimit: options.correlationLimit)
            .select(binnings, encoded: encoded)
        dropped += selection.dropped
        var kept = selection.kept
        var regression = fit(kept, encoded, targets)
        // A weight of the wrong sign gives riskier bins more points: drop the worst such feature
        // and refit, at most once per feature.
        while let worst = regression.coefficients.indices.max(by: { regression.coefficients[$0] < regression.coefficients[$1] }),
              regression.coefficients[worst] > 0 {
            dropped.append(DroppedFeature(name: binnings[kept[worst]].name, reason: .wrongSign(coefficient: regression.coefficients[worst])))
            kept.remove(at: worst)
            regression = fit(kept, encoded, targets)
        }
        guard !kept.isEmpty else {
            throw TrainingError(.noUsableFeature, context: ["dropped": dropped.map(\.name).joined(separator: ",")])
        }
        if !regression.converged { warnings.append("the regression did not converge in \(regression.iterations) iterations") }
        let scorecard = makeScorecard(binnings, kept, regression)
        let coefficients = Dictionary(uniqueKeysWithValues: zip(kept, regression.coefficients))
        let reports = binnings.indices.map { FeatureReport(binning: binnings[$0], coefficient: coefficients[$0]) }
            .sorted { $0.informationValue > $1.informationValue }
        let scores = try ScorecardEvaluation.scores(scorecard, table)
        return TrainingResult(scorecard: scorecard, features: reports, dropped: dropped, warnings: warnings, regression: regression,
                              training: try Discrimination(scores: scores, targets: targets))
    }

    private func bin(_ name: String, _ column: ScoringBatch.Column, _ targets: [UInt8]) -> FeatureBinning {
        switch column {
        case .numbers(let values): NumericBinner(options: options.binning).bin(name: name, values: values, targets: targets)
        case .categories(let codes, let dictionary):
            CategoricalBinner(options: options.binning).bin(name: name, codes: codes, dictionary: dictionary, targets: targets)
        }
    }

    private func fit(_ kept: [Int], _ encoded: [[Double]], _ targets: [UInt8]) -> LogisticRegression {
        LogisticRegression(columns: kept.map { encoded[$0] }, targets: targets, l2: options.l2)
    }

    private func makeScorecard(_ binnings: [FeatureBinning], _ kept: [Int], _ regression: LogisticRegression) -> Scorecard {
        let scaler = PointsScaler(options.scaling)
        let features = zip(kept, regression.coefficients).map { index, coefficient in
            let binning = binnings[index]
            return binning.feature(points: binning.weightsOfEvidence.map { scaler.points(coefficient: coefficient, woe: $0) },
                                   missingPoints: scaler.points(coefficient: coefficient, woe: binning.missingWeightOfEvidence))
        }
        return Scorecard(id: options.id, version: options.version, baseScore: scaler.baseScore(intercept: regression.intercept),
                         scaling: options.scaling, excluded: options.excluded, features: features)
    }

    /// Why a column cannot be a feature: no value at all, or a single one.
    private static func uselessReason(_ column: ScoringBatch.Column) -> DroppedFeature.Reason? {
        switch column {
        case .numbers(let values):
            guard let first = values.first(where: { !$0.isNaN }) else { return .allMissing }
            return values.allSatisfy { $0.isNaN || $0 == first } ? .constant : nil
        case .categories(let codes, _):
            guard let first = codes.first(where: { $0 >= 0 }) else { return .allMissing }
            return codes.allSatisfy { $0 < 0 || $0 == first } ? .constant : nil
        }
    }
}
