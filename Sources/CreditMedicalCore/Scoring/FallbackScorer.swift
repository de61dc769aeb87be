/// Asks a first-choice scorer (such as an ``ExternalScorer``) and, when it fails `attempts` times
/// in a row for one applicant, decides with the fallback (such as a ``ScorecardScorer``); the
/// decision then says which scorer failed, how often, and why.
public struct FallbackScorer: CreditScorer {
    public let first: any CreditScorer
    public let fallback: any CreditScorer
    /// How many times the first choice is asked for one applicant, at least 1.
    public let attempts: Int

    public init(first: any CreditScorer, fallback: any CreditScorer, attempts: Int = 2) {
        self.first = first
        self.fallback = fallback
        self.attempts = max(attempts, 1)
    }

    /// The first choice's identity: the scorer this one stands for.
    public var identity: ScorerIdentity { first.identity }

    public func score(_ features: ApplicantFeatures) async throws -> ScoreDecision {
        var lastError: any Error = ScoringError(.modelFailed)
        for _ in 0..<attempts {
            do {
                return try await first.score(features)
            } catch {
                lastError = error
            }
        }
        let code = (lastError as? any CodedError)?.code.rawValue ?? "scoring.model_failed"
        let reason = (lastError as? any CodedError)?.description ?? String(describing: type(of: lastError))
        return try await fallback.score(features)
            .fellBack(ScoringFallback(failedScorer: first.identity, attempts: attempts, code: code, reason: reason))
    }
}
