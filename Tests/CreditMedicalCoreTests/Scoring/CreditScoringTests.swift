import CreditMedicalCore
import CreditMedicalTesting
import Synchronization
import XCTest

final class CreditScoringTests: XCTestCase {
    let housingFund = FakeCreditDataSource(featureNames: ["housing_fund_months"])
    let insurance = FakeCreditDataSource(featureNames: ["insurance_status", "dishonesty_record"])
    let records = InMemoryScoreRecordStore()
    let clock = ManualClock(Timestamp(millisecondsSince1970: 1_795_996_800_000))

    func scoring() throws -> CreditScoring {
        CreditScoring(sources: [housingFund, insurance], scorer: try ScorecardScorer(ScorecardSample.card), records: records, clock: clock)
    }

    func testFeaturesFromEverySourceAreScoredAndTheDecisionRecorded() async throws {
        housingFund.set(["housing_fund_months": .number(40)], for: "P-1")
        insurance.set(["insurance_status": .category("normal"), "dishonesty_record": .category("none")], for: "P-1")
        let record = try await scoring().decide(patient: "P-1", id: "enrol-1")
        XCTAssertEqual(record.decision.score, 545)
        XCTAssertEqual(record.decidedAt, clock.now())
        XCTAssertEqual(try records.records(of: "P-1"), [record])
    }

    func testASourceDownOrWithoutARecordIsMissingNeverZero() async throws {
        insurance.down = true
        let record = try await scoring().decide(patient: "P-2", id: "enrol-2")
        XCTAssertEqual(record.decision.inputs["housing_fund_months"], .missing(.noRecord))
        XCTAssertEqual(record.decision.inputs["insurance_status"], .missing(.sourceDown))
        XCTAssertEqual(record.decision.score, 500 - 10 - 20 + 0, "the missing bins, not the bins of zero")
        XCTAssertTrue(record.decision.reasons.contains { $0.code == "insurance_status.missing" }, "\(record.decision.reasons)")
    }

    func testWhatTheCallerKnowsIsAddedAndWinsOverTheSources() async throws {
        housingFund.set(["housing_fund_months": .number(3)], for: "P-3")
        let record = try await scoring().decide(patient: "P-3", id: "enrol-3", known: ["housing_fund_months": .number(50)])
        XCTAssertEqual(record.decision.inputs["housing_fund_months"], .number(50))
    }

    func testARepeatedIdAnswersTheRecordedDecisionWithoutAskingAgain() async throws {
        housingFund.set(["housing_fund_months": .number(40)], for: "P-4")
        let first = try await scoring().decide(patient: "P-4", id: "enrol-4")
        housingFund.set(["housing_fund_months": .number(1)], for: "P-4")
        clock.advance(seconds: 60)
        let again = try await scoring().decide(patient: "P-4", id: "enrol-4")
        XCTAssertEqual(again, first)
        XCTAssertEqual(housingFund.asked, 1)
        XCTAssertEqual(try records.records(of: "P-4").count, 1)
        do {
            _ = try await scoring().decide(patient: "P-5", id: "enrol-4")
            XCTFail("an id of another patient")
        } catch {
            XCTAssertTrue(ScoringError.Code.recordConflict ~= error, "\(error)")
        }
    }

    func testABadIdentifierIsRefusedAndNothingIsAskedOrRecorded() async throws {
        for (patient, id) in [("P\u{0}6", "enrol-6"), ("P-6", "enrol\u{202E}6"), ("", "enrol-6")] {
            do {
                _ = try await scoring().decide(patient: patient, id: id)
                XCTFail("\(patient.debugDescription) \(id.debugDescription)")
            } catch {
                XCTAssertTrue(ScoringError.Code.invalidInput ~= error, "\(error)")
            }
        }
        XCTAssertEqual(housingFund.asked, 0)
        XCTAssertEqual(try records.records(of: "P-6"), [])
    }

    /// A source whose answer changes with every call, so that two decisions differ.
    final class DriftingSource: CreditDataSource {
        let featureNames = ["housing_fund_months"]
        let calls = Mutex(0)

        func features(of patient: String) async -> ApplicantFeatures {
            let call = calls.withLock { calls in
                calls += 1
                return calls
            }
            return ["housing_fund_months": .number(call == 1 ? 3 : 40)]
        }
    }

    func testTwoCallsWithOneIdBothAnswerTheRecordedDecision() async throws {
        let scoring = CreditScoring(sources: [DriftingSource()], scorer: try ScorecardScorer(ScorecardSample.card), records: records,
                                    clock: clock)
        async let first = scoring.decide(patient: "P-7", id: "enrol-7")
        async let second = scoring.decide(patient: "P-7", id: "enrol-7")
        let (one, two) = try await (first, second)
        let recorded = try XCTUnwrap(try records.record(id: "enrol-7"))
        XCTAssertEqual(one, recorded)
        XCTAssertEqual(two, recorded)
    }
}
