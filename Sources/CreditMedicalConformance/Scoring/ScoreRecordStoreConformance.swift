public import CreditMedicalCore
import Foundation
import XCTest

/// The conformance suite for a `ScoreRecordStore`. Subclass it, override
/// ``StoreConformanceSuite/makeStore()`` (and ``StoreConformanceSuite/reopen(_:)`` for a store
/// that persists), and declare one test that calls ``ConformanceSuite/runAll()`` and compares the
/// count with ``allScenarios``, as for `LedgerStoreConformance`.
open class ScoreRecordStoreConformance: StoreConformanceSuite<any ScoreRecordStore> {
    public static let allScenarios: [ConformanceScenario<ScoreRecordStoreConformance.Subject>] = [
        .init("recordsReadBackWhole", recordsReadBackWhole),
        .init("anIdIsRecordedOnce", anIdIsRecordedOnce),
        .init("recordsComeOldestFirst", recordsComeOldestFirst),
        .init("recordsSurviveReopening", recordsSurviveReopening),
        .init("pagesListEveryRecordInTheOrderRecorded", pagesListEveryRecordInTheOrderRecorded),
    ]

    override func scenarios() -> [BoundScenario] {
        bind(Self.allScenarios)
    }

    /// A decision with everything a record must keep: reasons in Chinese, a fallback, and inputs
    /// of every kind, a NaN and missing reasons among them.
    static func record(_ id: String, patient: String = "P-1", at milliseconds: Int64 = 1_795_996_800_000, score: Int = 612) -> ScoreRecord {
        let inputs: ApplicantFeatures = ["housing_fund_months": .number(7.5), "insurance_status": .category("正常"),
                                         "judicial": .missing(.sourceDown), "bank_grade": .missing(.noRecord), "odd": .number(.nan)]
        let decision = ScoreDecision(
            scorer: ScorerIdentity(id: "sample", version: "2026-12"), score: score,
            reasons: [ScoreReason(code: "housing_fund.short", chinese: "住房公积金缴存不足12个月", english: "housing fund paid for less than 12 months",
                                  pointsBelowBest: 50)],
            inputs: inputs,
            fallback: ScoringFallback(failedScorer: ScorerIdentity(id: "bank-model", version: "7"), attempts: 2, code: "scoring.model_timeout",
                                      reason: "scoring.model_timeout: The model service did not answer in time."))
        return ScoreRecord(id: id, patient: patient, decidedAt: Timestamp(millisecondsSince1970: milliseconds), decision: decision)
    }

    /// Compares records as JSON with sorted keys, so that a NaN input (not equal to itself) compares.
    static func same(_ left: [ScoreRecord], _ right: [ScoreRecord]) -> Bool {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return (try? encoder.encode(left)) == (try? encoder.encode(right))
    }

    static func recordsReadBackWhole(_ s: Subject) async throws {
        let written = record("D-1")
        try s.store.append([written])
        let read = try s.store.records(of: "P-1")
        XCTAssertTrue(same(read, [written]), "[recordsReadBackWhole] \(read)")
        XCTAssertTrue(same(try s.store.record(id: "D-1").map { [$0] } ?? [], [written]), "[recordsReadBackWhole] by id")
        XCTAssertNil(try s.store.record(id: "D-2"), "[recordsReadBackWhole] no such id")
        XCTAssertEqual(try s.store.records(of: "P-2"), [], "[recordsReadBackWhole] another patient has none")
    }

    static func anIdIsRecordedOnce(_ s: Subject) async throws {
        XCTAssertEqual(try s.store.append([record("D-1", score: 600)]), [], "[anIdIsRecordedOnce] a new id is appended")
        XCTAssertEqual(try s.store.append([record("D-1", score: 700)]), ["D-1"], "[anIdIsRecordedOnce] the id recorded before is kept")
        XCTAssertEqual(try s.store.append([record("D-2", score: 500), record("D-2", score: 400)]), ["D-2"], "[anIdIsRecordedOnce] in one batch")
        XCTAssertEqual(try s.store.records(of: "P-1").map(\.decision.score), [600, 500],
                       "[anIdIsRecordedOnce] the first record stays, also within one batch")
    }

    static func recordsComeOldestFirst(_ s: Subject) async throws {
        for (id, time) in [("D-3", 3), ("D-1", 1), ("D-2a", 2), ("D-2b", 2)] {
            try s.store.append([record(id, at: 1_795_996_800_000 + Int64(time) * 1_000)])
        }
        XCTAssertEqual(try s.store.records(of: "P-1").map(\.id), ["D-1", "D-2a", "D-2b", "D-3"],
                       "[recordsComeOldestFirst] by time, then in the order appended")
    }

    static func recordsSurviveReopening(_ s: Subject) async throws {
        let written = [record("D-1"), record("D-2", patient: "P-2")]
        try s.store.append(written)
        guard let reopened = try s.reopened() else { return }
        XCTAssertTrue(same(try reopened.records(of: "P-1") + reopened.records(of: "P-2"), written), "[recordsSurviveReopening]")
    }

    static func pagesListEveryRecordInTheOrderRecorded(_ s: Subject) async throws {
        let written = [record("D-3", at: 1_795_996_803_000), record("D-1", patient: "P-2"), record("D-2"), record("D-4"), record("D-5")]
        try s.store.append(Array(written[..<2]))
        try s.store.append(Array(written[2...]) + [record("D-1", score: 1)])
        try HistoryPages.check("pagesListEveryRecordInTheOrderRecorded", expected: written, same: same, page: s.store.page)
    }
}
