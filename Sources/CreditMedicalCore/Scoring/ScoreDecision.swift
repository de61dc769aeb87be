/// A scorer's answer for one applicant, with everything needed to tell the applicant and an
/// auditor why: who decided, what it saw, the score, the adverse reasons, and why a fallback
/// scorer decided instead of the first choice.
public struct ScoreDecision: Sendable, Hashable, Codable {
    /// The scorer that decided.
    public let scorer: ScorerIdentity
    /// The score; higher is better (less likely to default).
    public let score: Int
    /// The adverse reasons, the feature costing most points first.
    public let reasons: [ScoreReason]
    /// The features the scorer saw.
    public let inputs: ApplicantFeatures
    /// Why the first-choice scorer did not decide; `nil` when it did.
    public let fallback: ScoringFallback?

    public init(scorer: ScorerIdentity, score: Int, reasons: [ScoreReason], inputs: ApplicantFeatures, fallback: ScoringFallback? = nil) {
        self.scorer = scorer
        self.score = score
        self.reasons = reasons
        self.inputs = inputs
        self.fallback = fallback
    }

    /// This decision, marked as taken by a fallback because `fallback` says so.
    public func fellBack(_ fallback: ScoringFallback) -> ScoreDecision {
        ScoreDecision(scorer: scorer, score: score, reasons: reasons, inputs: inputs, fallback: fallback)
    }
}

/// Why a fallback scorer decided: which scorer failed, how often, and its last error's code.
public struct ScoringFallback: Sendable, Hashable, Codable {
    /// The scorer that failed.
    public let failedScorer: ScorerIdentity
    /// How many times it was asked.
    public let attempts: Int
    /// The code of the last failure, such as `scoring.model_timeout`.
    public let code: String
    /// The last failure's description (free of personal data).
    public let reason: String

    public init(failedScorer: ScorerIdentity, attempts: Int, code: String, reason: String) {
        self.failedScorer = failedScorer
        self.attempts = attempts
        self.code = code
        self.reason = reason
    }
}
