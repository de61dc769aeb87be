import CreditMedicalCore
import Synchronization
import XCTest

final class FallbackScorerTests: XCTestCase {
    /// A first-choice scorer that fails its first `failures` calls with `error`.
    final class FlakyScorer: CreditScorer {
        let identity = ScorerIdentity(id: "bank-model", version: "7")
        let failures: Int
        let calls = Mutex(0)

        init(failures: Int) { self.failures = failures }

        func score(_ features: ApplicantFeatures) async throws -> ScoreDecision {
            let call = calls.withLock { calls in
                calls += 1
                return calls
            }
            guard call > failures else { throw ScoringError(.modelTimeout, context: ["attempt": "\(call)"]) }
            return ScoreDecision(scorer: identity, score: 700, reasons: [], inputs: features)
        }
    }

    func testTheFirstChoiceDecidesWhenItAnswersWithinItsAttempts() async throws {
        let first = FlakyScorer(failures: 1)
        let scorer = FallbackScorer(first: first, fallback: try ScorecardScorer(ScorecardSample.card), attempts: 2)
        let decision = try await scorer.score(["housing_fund_months": .number(40)])
        XCTAssertEqual(decision.score, 700)
        XCTAssertEqual(decision.scorer, first.identity)
        XCTAssertNil(decision.fallback)
        XCTAssertEqual(first.calls.withLock { $0 }, 2)
    }

    func testAfterItsAttemptsTheFallbackDecidesAndSaysWhy() async throws {
        let first = FlakyScorer(failures: 10)
        let scorer = FallbackScorer(first: first, fallback: try ScorecardScorer(ScorecardSample.card), attempts: 3)
        let features: ApplicantFeatures = ["housing_fund_months": .number(40), "insurance_status": .category("normal")]
        let decision = try await scorer.score(features)
        XCTAssertEqual(first.calls.withLock { $0 }, 3, "bounded: asked exactly `attempts` times")
        XCTAssertEqual(decision.scorer, ScorerIdentity(id: "sample", version: "1"))
        XCTAssertEqual(decision.score, try ScorecardSample.card.decide(features).score)
        XCTAssertEqual(decision.fallback?.failedScorer, first.identity)
        XCTAssertEqual(decision.fallback?.attempts, 3)
        XCTAssertEqual(decision.fallback?.code, "scoring.model_timeout")
        XCTAssertEqual(decision.inputs, features)
    }
}
