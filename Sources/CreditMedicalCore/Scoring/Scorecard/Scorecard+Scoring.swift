extension Scorecard {
    /// Scores one applicant: the base score plus each feature's bin points, and the features that
    /// cost the most points below their best bin as adverse reasons (at most ``maxReasons``).
    ///
    /// Throws `ScoringError.Code.batchMismatch` when a numeric feature gets a category or a
    /// categorical one a number: that is a data source wired wrong, not a missing value.
    public func decide(_ applicant: ApplicantFeatures) throws(ScoringError) -> ScoreDecision {
        var score = baseScore
        var losses: [(lost: Int, reason: ScoreReason)] = []
        for feature in features {
            let index = try feature.binIndex(of: applicant[feature.name])
            let points = feature.bin(at: index).points
            score += points
            let lost = feature.bestPoints - points
            if lost > 0 { losses.append((lost, feature.reason(forBinAt: index, losing: lost))) }
        }
        // Most points lost first; ties in the card's order (the sort is stable).
        let reasons = losses.sorted { $0.lost > $1.lost }.prefix(maxReasons).map(\.reason)
        return ScoreDecision(scorer: identity, score: score, reasons: Array(reasons), inputs: applicant)
    }
}

extension Scorecard.Feature {
    /// Which bin a value scores in: its position in ``bins``, or `nil` for ``missing``.
    public func binIndex(of value: FeatureValue) throws(ScoringError) -> Int? {
        switch (kind, value) {
        case (_, .missing): return nil
        case (.numeric, .number(let number)):
            guard !number.isNaN else { return nil }
            return bins.firstIndex { $0.upTo.map { number < $0 } ?? true }
        case (.categorical, .category(let category)):
            return bins.firstIndex { $0.categories?.contains(category) == true } ?? unseenBin
        case (.numeric, .category), (.categorical, .number):
            throw ScoringError(.batchMismatch, context: ["feature": name, "expected": kind.rawValue])
        }
    }

    /// The bin at `index`, ``missing`` for `nil`.
    func bin(at index: Int?) -> Scorecard.Bin {
        index.map { bins[$0] } ?? missing
    }

    /// The most points any bin of the feature gives, the missing bin included.
    var bestPoints: Int { bins.reduce(missing.points) { max($0, $1.points) } }

    /// The reason of the bin at `index` (``missing`` for `nil`), or one worded from the feature's
    /// label and the bin.
    func reason(forBinAt index: Int?, losing lost: Int) -> ScoreReason {
        if let reason = bin(at: index).reason {
            return ScoreReason(code: reason.code, chinese: reason.chinese, english: reason.english, pointsBelowBest: lost)
        }
        let label = label ?? BilingualText(chinese: name, english: name)
        let (code, chinese, english) = describe(binAt: index)
        return ScoreReason(code: "\(name).\(code)", chinese: "\(label.chinese)：\(chinese)", english: "\(label.english): \(english)",
                           pointsBelowBest: lost)
    }

    /// A bin in words: its code, Chinese and English.
    private func describe(binAt index: Int?) -> (code: String, chinese: String, english: String) {
        guard let index else { return ("missing", "无记录", "not on record") }
        let bin = bins[index]
        if let categories = bin.categories {
            return ("bin\(index)", categories.joined(separator: "、"), categories.joined(separator: ", "))
        }
        let lower = index > 0 ? bins[index - 1].upTo : nil
        switch (lower, bin.upTo) {
        case (nil, let upper?): return ("bin\(index)", "低于\(Self.number(upper))", "below \(Self.number(upper))")
        case (let lower?, nil): return ("bin\(index)", "不低于\(Self.number(lower))", "\(Self.number(lower)) or more")
        case (let lower?, let upper?):
            return ("bin\(index)", "\(Self.number(lower))至\(Self.number(upper))（不含）", "\(Self.number(lower)) to below \(Self.number(upper))")
        case (nil, nil): return ("bin\(index)", "任意值", "any value")
        }
    }

    /// `12` rather than `12.0`; other numbers as Swift prints them.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
