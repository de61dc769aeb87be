import CreditMedicalCore
import CreditMedicalTesting
import XCTest

/// A `FallbackScorer` that asks an `ExternalScorer` first and the built-in scorecard after it
/// failed.
final class ExternalScorerFallbackTests: XCTestCase {
    static let external = ScorerIdentity(id: "bank-model", version: "2026-11")
    static let applicant: ApplicantFeatures = ["housing_fund_months": .number(14)]

    /// 560 points, 40 more for 12 months of housing fund or longer.
    static func scorecardScorer() throws -> ScorecardScorer {
        let months = Scorecard.Feature(name: "housing_fund_months", kind: .numeric,
                                       bins: [Scorecard.Bin(upTo: 12, points: 0), Scorecard.Bin(points: 40)],
                                       missing: Scorecard.Bin(points: 0))
        return try ScorecardScorer(Scorecard(id: "hospital-card", version: "1", baseScore: 560, features: [months]))
    }

    func testFailuresOfTheModelServiceFallBackToTheScorecardAndSayWhy() async throws {
        let server = try FakeModelServer(behaviour: .status(503))
        let scorer = FallbackScorer(first: try ExternalScorer(url: server.url(), identity: Self.external, attempts: 2),
                                    fallback: try Self.scorecardScorer(), attempts: 2)

        let decision = try await scorer.score(Self.applicant)

        XCTAssertEqual(decision.scorer, ScorerIdentity(id: "hospital-card", version: "1"))
        XCTAssertEqual(decision.score, 600)
        let fallback = try XCTUnwrap(decision.fallback)
        XCTAssertEqual(fallback.failedScorer, Self.external)
        XCTAssertEqual(fallback.attempts, 2)
        XCTAssertEqual(fallback.code, "scoring.model_failed")
        XCTAssertTrue(fallback.reason.contains("status=503"), fallback.reason)
        XCTAssertEqual(server.requestCount, 4, "two requests for each of the fallback scorer's two attempts")
    }

    func testATimedOutModelServiceFallsBackWithTheTimeoutsCode() async throws {
        let server = try FakeModelServer(behaviour: .delayed(.seconds(5), then: .score { _ in 700 }))
        let scorer = FallbackScorer(first: try ExternalScorer(url: server.url(), identity: Self.external, timeout: .milliseconds(200), attempts: 1),
                                    fallback: try Self.scorecardScorer(), attempts: 2)

        let started = ContinuousClock.now
        let decision = try await scorer.score(Self.applicant)

        XCTAssertLessThan(ContinuousClock.now - started, .seconds(2))
        XCTAssertEqual(decision.score, 600)
        XCTAssertEqual(decision.fallback?.code, "scoring.model_timeout")
        XCTAssertEqual(decision.fallback?.attempts, 2)
        XCTAssertEqual(server.requestCount, 2)
    }

    func testAnAnsweringModelServiceDecides() async throws {
        let server = try FakeModelServer(behaviour: .score { features in features["housing_fund_months"] == .number(14) ? 655 : 0 })
        let scorer = FallbackScorer(first: try ExternalScorer(url: server.url(), identity: Self.external),
                                    fallback: try Self.scorecardScorer())

        let decision = try await scorer.score(Self.applicant)

        XCTAssertEqual(decision, ScoreDecision(scorer: Self.external, score: 655, reasons: [], inputs: Self.applicant))
        XCTAssertEqual(server.requestCount, 1)
    }
}
