import CreditMedicalCore
import CreditMedicalTesting
import Foundation
import XCTest

/// An `ExternalScorer` against a `FakeModelServer` on 127.0.0.1: what it sends, what it makes of
/// each kind of answer, and when it asks again.
final class ExternalScorerTests: XCTestCase {
    static let configured = ScorerIdentity(id: "bank-model", version: "2026-11")
    static let applicant: ApplicantFeatures = [
        "housing_fund_months": .number(14),
        "credit_grade": .category("A"),
        "bureau_overdue_count": .missing(.sourceDown),
    ]

    func testAScoreComesWithTheModelsReasonsAndIdentityAndTheRequestCarriesEveryFeature() async throws {
        let reason = ScoreReason(code: "credit_grade.low", chinese: "信用等级偏低", english: "credit grade is low", pointsBelowBest: 12)
        let model = ScorerIdentity(id: "bank-model", version: "2026-12")
        let server = try FakeModelServer(behaviour: .score(reasons: [reason], model: model) { features in
            features["housing_fund_months"] == .number(14) ? 612 : 0
        })
        let scorer = try ExternalScorer(url: server.url(), identity: Self.configured, headers: ["X-Api-Key": "k-1"])

        let decision = try await scorer.score(Self.applicant)

        XCTAssertEqual(decision.score, 612)
        XCTAssertEqual(decision.reasons, [reason])
        XCTAssertEqual(decision.scorer, model)
        XCTAssertEqual(decision.inputs, Self.applicant)
        XCTAssertNil(decision.fallback)
        let received = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(server.requestCount, 1)
        XCTAssertEqual(received.method, "POST")
        XCTAssertEqual(received.path, "/score")
        XCTAssertEqual(received.headers["content-type"], "application/json")
        XCTAssertEqual(received.headers["x-api-key"], "k-1")
        XCTAssertEqual(received.request, ModelRequest(scorer: Self.configured, features: Self.applicant))
        let json = try received.jsonObject()
        XCTAssertEqual(json["scorer"] as? [String: String], ["id": "bank-model", "version": "2026-11"])
        let features = try XCTUnwrap(json["features"] as? [String: Any])
        XCTAssertEqual((features["housing_fund_months"] as? NSNumber)?.doubleValue, 14)
        XCTAssertEqual(features["credit_grade"] as? String, "A")
        XCTAssertTrue(features["bureau_overdue_count"] is NSNull, "a missing feature is sent as null, not \(String(describing: features["bureau_overdue_count"]))")
        XCTAssertEqual(json["missing"] as? [String: String], ["bureau_overdue_count": "source_down"])
    }

    func testAnAnswerWithoutAModelIsTheConfiguredScorersDecision() async throws {
        let server = try FakeModelServer(behaviour: .body(#"{"score": 587}"#))
        let scorer = try ExternalScorer(url: server.url(), identity: Self.configured)

        let decision = try await scorer.score(Self.applicant)

        XCTAssertEqual(decision, ScoreDecision(scorer: Self.configured, score: 587, reasons: [], inputs: Self.applicant))
    }

    func testNoAnswerInTimeIsAModelTimeoutWithinTheTimeoutOfEachAttempt() async throws {
        let server = try FakeModelServer(behaviour: .delayed(.seconds(5), then: .score { _ in 600 }))
        let scorer = try ExternalScorer(url: server.url(), identity: Self.configured, timeout: .milliseconds(300), attempts: 2)

        let started = ContinuousClock.now
        let error = await failure { try await scorer.score(Self.applicant) }
        let elapsed = ContinuousClock.now - started

        XCTAssertEqual(error?.code, .modelTimeout, "\(String(describing: error))")
        XCTAssertEqual(error?.context["attempts"], "2")
        XCTAssertEqual(error?.context["phase"], "answer")
        XCTAssertGreaterThanOrEqual(elapsed, .milliseconds(600))
        XCTAssertLessThan(elapsed, .seconds(2))
        XCTAssertEqual(server.requestCount, 2)
    }

    func testAServerErrorIsAskedAgainExactlyAttemptsTimesThenFails() async throws {
        let server = try FakeModelServer(behaviour: .status(500))
        let scorer = try ExternalScorer(url: server.url(), identity: Self.configured, attempts: 3)

        let error = await failure { try await scorer.score(Self.applicant) }

        XCTAssertEqual(error?.code, .modelFailed)
        XCTAssertEqual(error?.context["status"], "500")
        XCTAssertEqual(error?.context["attempts"], "3")
        XCTAssertEqual(error?.context["host"], "127.0.0.1")
        XCTAssertEqual(server.requestCount, 3)
    }

    func testAServerErrorThenAScoreDecides() async throws {
        let server = try FakeModelServer(behaviour: .score { _ in 640 })
        server.inject(.status(503))
        let scorer = try ExternalScorer(url: server.url(), identity: Self.configured, attempts: 2)

        let decision = try await scorer.score(Self.applicant)

        XCTAssertEqual(decision.score, 640)
        XCTAssertEqual(server.requestCount, 2)
    }

    func testAClientErrorIsNotAskedAgain() async throws {
        let server = try FakeModelServer(behaviour: .status(400))
        let scorer = try ExternalScorer(url: server.url(), identity: Self.configured, attempts: 3)

        let error = await failure { try await scorer.score(Self.applicant) }

        XCTAssertEqual(error?.code, .modelFailed)
        XCTAssertEqual(error?.context["status"], "400")
        XCTAssertEqual(error?.context["attempts"], "1")
        XCTAssertEqual(server.requestCount, 1)
    }

    func testAnAnswerThatIsNotAScoreFailsWithoutAskingAgain() async throws {
        let answers: [(String, String)] = [
            (#"{"score": 6"#, "not JSON"),
            (#"{"reasons": []}"#, "score missing"),
            (#"{"score": 612.5}"#, "score not a valid value"),
            (#"{"score": "612"}"#, "score of the wrong type"),
            (#"{"score": 612, "reasons": [{"code": "a"}]}"#, "reasons[0].chinese missing"),
        ]
        for (body, problem) in answers {
            let server = try FakeModelServer(behaviour: .body(body))
            let scorer = try ExternalScorer(url: server.url(), identity: Self.configured, attempts: 3)

            let error = await failure { try await scorer.score(Self.applicant) }

            XCTAssertEqual(error?.code, .modelFailed, body)
            XCTAssertEqual(error?.context["problem"], problem, body)
            XCTAssertEqual(error?.context["status"], "200", body)
            XCTAssertEqual(server.requestCount, 1, body)
        }
    }

    func testAConnectionClosedWithoutAnAnswerIsAskedAgain() async throws {
        let server = try FakeModelServer(behaviour: .score { _ in 633 })
        server.inject(.closeWithoutAnswer)
        let scorer = try ExternalScorer(url: server.url(), identity: Self.configured, attempts: 2)

        let decision = try await scorer.score(Self.applicant)
        XCTAssertEqual(decision.score, 633)
        XCTAssertEqual(server.requestCount, 2)

        server.inject(.closeWithoutAnswer, .closeWithoutAnswer)
        let error = await failure { try await scorer.score(Self.applicant) }
        XCTAssertEqual(error?.code, .modelFailed)
        XCTAssertEqual(error?.context["problem"], "connection closed before a whole answer")
        XCTAssertEqual(server.requestCount, 4)
    }

    func testNobodyListeningFailsFast() async throws {
        let server = try FakeModelServer()
        let url = server.url()
        server.stop()
        let scorer = try ExternalScorer(url: url, identity: Self.configured, attempts: 2)

        let started = ContinuousClock.now
        let error = await failure { try await scorer.score(Self.applicant) }

        XCTAssertEqual(error?.code, .modelFailed)
        XCTAssertEqual(error?.context["attempts"], "2")
        XCTAssertTrue(error?.context["problem"]?.hasPrefix("cannot connect") == true, "\(String(describing: error))")
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(1))
    }

    func testAnAnswerLargerThanTheLimitIsRefused() async throws {
        let padding = String(repeating: "x", count: 1_100_000)
        let server = try FakeModelServer(behaviour: .body(#"{"score": 600, "padding": "\#(padding)"}"#))
        let scorer = try ExternalScorer(url: server.url(), identity: Self.configured, attempts: 2)

        let error = await failure { try await scorer.score(Self.applicant) }

        XCTAssertEqual(scorer.answerLimit, 1 << 20)
        XCTAssertEqual(error?.code, .modelFailed)
        XCTAssertEqual(error?.context["problem"], "answer larger than 1048576 bytes")
        XCTAssertEqual(server.requestCount, 1)
    }

    func testACancelledScoringStopsWaitingForTheAnswer() async throws {
        let server = try FakeModelServer(behaviour: .delayed(.seconds(5), then: .score { _ in 600 }))
        let scorer = try ExternalScorer(url: server.url(), identity: Self.configured, timeout: .seconds(5), attempts: 2)
        let started = ContinuousClock.now
        let applicant = Self.applicant
        let scoring = Task { [scorer] in try await scorer.score(applicant) }
        while server.requestCount == 0 && ContinuousClock.now - started < .seconds(2) {
            try await Task.sleep(for: .milliseconds(10))
        }
        scoring.cancel()

        let result = await scoring.result

        XCTAssertThrowsError(try result.get()) { XCTAssertTrue($0 is CancellationError, "\($0)") }
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(3))
        XCTAssertEqual(server.requestCount, 1)
    }

    func testAFeatureThatIsNotFiniteIsRefusedBeforeAnythingIsSent() async throws {
        let server = try FakeModelServer()
        let scorer = try ExternalScorer(url: server.url(), identity: Self.configured)

        let error = await failure { try await scorer.score(["debt_ratio": .number(.nan)]) }

        XCTAssertEqual(error?.code, .invalidModelRequest)
        XCTAssertEqual(error?.context["feature"], "debt_ratio")
        XCTAssertEqual(server.requestCount, 0)
    }
}

/// The error `body` throws as a `ScoringError`; `nil` (and a test failure) when it succeeds or
/// throws another error.
func failure(_ body: () async throws -> ScoreDecision, file: StaticString = #filePath, line: UInt = #line) async -> ScoringError? {
    do {
        let decision = try await body()
        XCTFail("scored \(decision.score) instead of failing", file: file, line: line)
    } catch let error as ScoringError {
        return error
    } catch {
        XCTFail("\(error) is not a ScoringError", file: file, line: line)
    }
    return nil
}
