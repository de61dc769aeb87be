/// The built-in ``CreditScorer``: scores with a validated ``Scorecard``.
public struct ScorecardScorer: CreditScorer {
    public let scorecard: Scorecard

    /// A scorer for `scorecard`, validated first.
    public init(_ scorecard: Scorecard) throws(ScoringError) {
        try scorecard.validate()
        self.scorecard = scorecard
    }

    public var identity: ScorerIdentity { scorecard.identity }

    public func score(_ features: ApplicantFeatures) async throws -> ScoreDecision {
        try scorecard.decide(features)
    }
}
