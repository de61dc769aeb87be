public import CreditMedicalCore
import XCTest

/// The conformance suite for an `EnrollmentStore`. Subclass it, override
/// ``StoreConformanceSuite/makeStore()`` (and ``StoreConformanceSuite/reopen(_:)`` for a store
/// that persists), and declare one test that calls ``ConformanceSuite/runAll()`` and compares the
/// count with ``allScenarios``, as for `LedgerStoreConformance`.
open class EnrollmentStoreConformance: StoreConformanceSuite<any EnrollmentStore> {
    public static let allScenarios: [ConformanceScenario<EnrollmentStoreConformance.Subject>] = [
        .init("stepsReadBackWhole", stepsReadBackWhole),
        .init("aStepIsRecordedOnce", aStepIsRecordedOnce),
        .init("enrollmentsComeInTheOrderRequested", enrollmentsComeInTheOrderRequested),
        .init("stepsSurviveReopening", stepsSurviveReopening),
        .init("pagesListEveryStepInTheOrderRecorded", pagesListEveryStepInTheOrderRecorded),
        .init("anEnrollmentIsFoundByItsLine", anEnrollmentIsFoundByItsLine),
    ]

    override func scenarios() -> [BoundScenario] {
        bind(Self.allScenarios)
    }

    /// The steps of a whole enrollment, with every kind of value: Chinese text, a missing feature
    /// with its reason, money, a refusal.
    static func steps(_ id: String, patient: String = "P-1", seconds: Int64 = 0) -> [EnrollmentStep] {
        let request = EnrollmentRequest(id: id, patient: patient, bank: "bank-a", line: CreditLineID("line-\(id)"),
                                        known: ["insured_city": .category("北京")])
        let features: ApplicantFeatures = ["insured_city": .category("北京"), "age_months": .number(480.5), "income": .missing(.sourceDown)]
        let eligibility = EligibilityDecision(policyID: "beijing", policyVersion: "1", failed: [])
        let grant = EnrollmentGrant(bankLimit: Money(fen: 500_000), score: 612, scoreRecord: id, tier: "B", limit: Money(fen: 400_000))
        let events: [EnrollmentStep.Event] = [.requested(request), .checked(features: features, eligibility: eligibility), .granted(grant),
                                              .opened, .cancelled(consentEvent: "C-\(id)")]
        return events.enumerated().map { offset, event in
            EnrollmentStep(enrollment: id, patient: patient, at: Timestamp(millisecondsSince1970: 1_795_996_800_000 + (seconds + Int64(offset)) * 1_000),
                           event: event)
        }
    }

    static func stepsReadBackWhole(_ s: Subject) async throws {
        let written = steps("E-1")
        try s.store.append(Array(written[..<2]))
        try s.store.append(Array(written[2...]))
        XCTAssertEqual(try s.store.steps(of: "E-1"), written, "[stepsReadBackWhole] in the order recorded")
        XCTAssertEqual(try s.store.steps(of: "E-2"), [], "[stepsReadBackWhole] no such enrollment")
        XCTAssertEqual(try s.store.enrollments(of: "P-2"), [], "[stepsReadBackWhole] another patient has none")
    }

    static func aStepIsRecordedOnce(_ s: Subject) async throws {
        let first = steps("E-1")
        let refused = EnrollmentStep(enrollment: "E-1", patient: "P-1", at: first[2].at,
                                     event: .refused(reasons: [.init(rule: "r", sentence: .init(chinese: "拒", english: "no"))]))
        let regranted = EnrollmentStep(enrollment: "E-1", patient: "P-1", at: first[3].at, event: .granted(
            EnrollmentGrant(bankLimit: Money(fen: 1), score: 1, scoreRecord: "other", tier: "C", limit: Money(fen: 1))))
        XCTAssertEqual(try s.store.append(Array(first[..<3])), [], "[aStepIsRecordedOnce] new steps are appended")
        XCTAssertEqual(try s.store.append([regranted, refused, first[3]]), ["E-1"], "[aStepIsRecordedOnce] the enrollment of a step kept is named")
        XCTAssertEqual(try s.store.steps(of: "E-1"), Array(first[..<3]) + [refused, first[3]],
                       "[aStepIsRecordedOnce] a step of a recorded name changes nothing")
        let other = steps("E-2")
        let rerequested = EnrollmentStep(enrollment: "E-2", patient: "P-1", at: other[0].at, event: .requested(
            EnrollmentRequest(id: "E-2", patient: "P-1", bank: "bank-b", line: "other")))
        XCTAssertEqual(try s.store.append([other[0], rerequested]), ["E-2"], "[aStepIsRecordedOnce] also within one batch")
        XCTAssertEqual(try s.store.steps(of: "E-2"), [other[0]], "[aStepIsRecordedOnce] also within one batch")
    }

    static func enrollmentsComeInTheOrderRequested(_ s: Subject) async throws {
        for id in ["E-3", "E-1", "E-2"] { try s.store.append(steps(id)) }
        try s.store.append(steps("E-4", patient: "P-2"))
        XCTAssertEqual(try s.store.enrollments(of: "P-1"), ["E-3", "E-1", "E-2"], "[enrollmentsComeInTheOrderRequested]")
        XCTAssertEqual(try s.store.enrollments(of: "P-2"), ["E-4"], "[enrollmentsComeInTheOrderRequested] by patient")
    }

    static func stepsSurviveReopening(_ s: Subject) async throws {
        let written = steps("E-1") + steps("E-2", patient: "P-2")
        try s.store.append(written)
        guard let reopened = try s.reopened() else { return }
        XCTAssertEqual(try reopened.steps(of: "E-1") + reopened.steps(of: "E-2"), written, "[stepsSurviveReopening]")
    }

    static func pagesListEveryStepInTheOrderRecorded(_ s: Subject) async throws {
        let (first, second) = (steps("E-2", seconds: 60), steps("E-1", patient: "P-2"))
        let written = [first[0], second[0], first[1], first[2], second[1]]
        try s.store.append(Array(written[..<2]))
        try s.store.append(Array(written[2...]) + [first[0]])
        try HistoryPages.check("pagesListEveryStepInTheOrderRecorded", expected: written, page: s.store.page)
    }

    static func anEnrollmentIsFoundByItsLine(_ s: Subject) async throws {
        try s.store.append(steps("E-1") + steps("E-2", patient: "P-2"))
        XCTAssertEqual(try s.store.enrollment(onLine: "line-E-2"), "E-2", "[anEnrollmentIsFoundByItsLine]")
        XCTAssertNil(try s.store.enrollment(onLine: "line-E-3"), "[anEnrollmentIsFoundByItsLine] no enrollment on that line")
        XCTAssertNil(try s.store.enrollment(onLine: "LINE-E-2"), "[anEnrollmentIsFoundByItsLine] ids compare by their bytes")
        let again = EnrollmentStep(enrollment: "E-9", patient: "P-1", at: Timestamp(millisecondsSince1970: 1_795_996_900_000), event: .requested(
            EnrollmentRequest(id: "E-9", patient: "P-1", bank: "bank-b", line: "line-E-1", institution: "hospital-2")))
        try s.store.append([again])
        XCTAssertEqual(try s.store.enrollment(onLine: "line-E-1"), "E-9", "[anEnrollmentIsFoundByItsLine] the last one requested")
        XCTAssertEqual(try s.store.steps(of: "E-9"), [again], "[anEnrollmentIsFoundByItsLine] with its institution")
    }
}
