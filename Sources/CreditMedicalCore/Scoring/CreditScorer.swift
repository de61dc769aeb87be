/// Turns an applicant's features into a ``ScoreDecision``.
///
/// Conforming types MUST:
/// - answer the same features with the same score and reasons while their ``identity`` stays the
///   same (a new model or scorecard is a new version);
/// - treat a `.missing` feature as missing, never as zero;
/// - throw a ``ScoringError`` when they cannot decide, so a fallback can take over.
///
/// The built-in ``ScorecardScorer`` scores with a ``Scorecard``; ``FallbackScorer`` asks a first
/// choice (such as an external model service) and falls back to a second after failures.
public protocol CreditScorer: Sendable {
    /// The scorer's id and version, recorded with each decision.
    var identity: ScorerIdentity { get }
    /// Scores one applicant.
    func score(_ features: ApplicantFeatures) async throws -> ScoreDecision
}
