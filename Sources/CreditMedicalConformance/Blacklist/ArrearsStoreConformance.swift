public import CreditMedicalCore
import XCTest

/// The conformance suite for an `ArrearsStore`. Subclass it, override
/// ``StoreConformanceSuite/makeStore()`` (and ``StoreConformanceSuite/reopen(_:)`` for a store
/// that persists), and declare one test that calls ``ConformanceSuite/runAll()`` and compares the
/// count with ``allScenarios``, as for `LedgerStoreConformance`.
open class ArrearsStoreConformance: StoreConformanceSuite<any ArrearsStore> {
    public static let allScenarios: [ConformanceScenario<ArrearsStoreConformance.Subject>] = [
        .init("stepsReadBackWhole", stepsReadBackWhole),
        .init("aStepIsRecordedOnce", aStepIsRecordedOnce),
        .init("entriesAreFoundByPatientSubjectAndLine", entriesAreFoundByPatientSubjectAndLine),
        .init("pagesListEveryStepInTheOrderRecorded", pagesListEveryStepInTheOrderRecorded),
        .init("aPushIsQueuedOnceInOrder", aPushIsQueuedOnceInOrder),
        .init("attemptsAreCountedAndADeliveredPushLeaves", attemptsAreCountedAndADeliveredPushLeaves),
        .init("stepsAndPushesSurviveReopening", stepsAndPushesSurviveReopening),
    ]

    override func scenarios() -> [BoundScenario] {
        bind(Self.allScenarios)
    }

    static let start = Timestamp(millisecondsSince1970: 1_795_996_800_000)

    /// The listing of entry `id`: Chinese text with quotes and a newline, a large amount.
    static func listing(_ id: ArrearsEntryID, patient: String = "P-1", subject: ArrearsSubject = "S-1", line: CreditLineID? = nil) -> ArrearsListing {
        ArrearsListing(entry: id, patient: patient, subject: subject, line: line ?? CreditLineID("line-\(id)"), institution: "hospital-1",
                       amount: Money(fen: 9_007_199_254_740_993),
                       reason: BilingualText(chinese: "住院费用逾期“90天”\n未还", english: "inpatient bill \"90 days\" overdue"),
                       rule: "overdue_90_days")
    }

    /// The steps of an entry listed, appealed, reviewed, upheld and removed, a second apart.
    static func steps(_ id: ArrearsEntryID, patient: String = "P-1", subject: ArrearsSubject = "S-1", line: CreditLineID? = nil,
                      seconds: Int64 = 0) -> [ArrearsEvent] {
        let listing = listing(id, patient: patient, subject: subject, line: line)
        let changes: [ArrearsEvent.Change] = [
            .listed(listing),
            .appealed(ArrearsAppeal(id: "A-1", submittedBy: patient, statement: "已还清\t见附件")),
            .reviewStarted(appeal: "A-1", reviewer: "staff-7"),
            .decided(ArrearsDecision(appeal: "A-1", reviewer: "staff-7", outcome: .upheld, reason: BilingualText(chinese: "驳回", english: "upheld"))),
            .removed(CreditRepair(line: listing.line, repaidAt: start.adding(seconds: seconds + 2), coolingDays: 30)),
        ]
        return changes.enumerated().map { offset, change in
            ArrearsEvent(entry: id, at: start.adding(seconds: seconds + Int64(offset)), change: change)
        }
    }

    /// The push that lists entry `id`.
    static func push(_ id: ArrearsEntryID) -> RegistryPush {
        let listing = listing(id)
        return .listing(RegistryListing(entry: id, institution: listing.institution, subject: listing.subject, amount: listing.amount,
                                        reason: listing.reason, rule: listing.rule, listedAt: start))
    }

    static func stepsReadBackWhole(_ s: Subject) async throws {
        let written = steps("E-1")
        try s.store.append(Array(written[..<2]), pushes: [])
        try s.store.append(Array(written[2...]), pushes: [])
        XCTAssertEqual(try s.store.events(of: "E-1"), written, "[stepsReadBackWhole] in the order recorded, byte for byte")
        XCTAssertEqual(try s.store.events(of: "E-2"), [], "[stepsReadBackWhole] no such entry")
        XCTAssertEqual(try s.store.entries(ofPatient: "P-2"), [], "[stepsReadBackWhole] another patient has none")
    }

    static func aStepIsRecordedOnce(_ s: Subject) async throws {
        let first = steps("E-1")
        let relisted = ArrearsEvent(entry: "E-1", at: first[0].at, change: .listed(listing("E-1", patient: "P-9")))
        let revoked = ArrearsEvent(entry: "E-1", at: first[3].at, change: .decided(ArrearsDecision(
            appeal: "A-1", reviewer: "staff-8", outcome: .revoked, reason: BilingualText(chinese: "撤销", english: "revoked"))))
        XCTAssertEqual(try s.store.append(Array(first[..<3]), pushes: []), [], "[aStepIsRecordedOnce] new steps are appended")
        XCTAssertEqual(try s.store.append([relisted, first[3]], pushes: []), ["E-1"], "[aStepIsRecordedOnce] the entry of a step kept is named")
        XCTAssertEqual(try s.store.events(of: "E-1"), Array(first[..<4]), "[aStepIsRecordedOnce] a step of a recorded name changes nothing")
        XCTAssertEqual(try s.store.append([revoked], pushes: []), ["E-1"], "[aStepIsRecordedOnce] a decision is recorded once")
        XCTAssertEqual(try s.store.entries(ofPatient: "P-9"), [], "[aStepIsRecordedOnce] the listing kept is the first")
        let other = steps("E-2")
        XCTAssertEqual(try s.store.append([other[0], other[0]], pushes: []), ["E-2"], "[aStepIsRecordedOnce] also within one call")
        XCTAssertEqual(try s.store.events(of: "E-2"), [other[0]], "[aStepIsRecordedOnce] also within one call")
    }

    static func entriesAreFoundByPatientSubjectAndLine(_ s: Subject) async throws {
        try s.store.append(steps("E-3", line: "L-1"), pushes: [])
        try s.store.append(steps("E-1", subject: "S-2", line: "L-2"), pushes: [])
        try s.store.append(steps("E-2", patient: "P-2", line: "L-1"), pushes: [])
        let scenario = "[entriesAreFoundByPatientSubjectAndLine]"
        XCTAssertEqual(try s.store.entries(ofPatient: "P-1"), ["E-3", "E-1"], "\(scenario) in the order listed")
        XCTAssertEqual(try s.store.entries(ofSubject: "S-1"), ["E-3", "E-2"], scenario)
        XCTAssertEqual(try s.store.entries(onLine: "L-1"), ["E-3", "E-2"], scenario)
        XCTAssertEqual(try s.store.entries(onLine: "l-1"), [], "\(scenario) ids compare by their bytes")
        XCTAssertEqual(try s.store.entries(ofSubject: "S-3"), [], scenario)
    }

    static func pagesListEveryStepInTheOrderRecorded(_ s: Subject) async throws {
        let (first, second) = (steps("E-2", seconds: 60), steps("E-1", patient: "P-2"))
        let written = [first[0], second[0], first[1], first[2], second[1]]
        try s.store.append(Array(written[..<2]), pushes: [])
        try s.store.append(Array(written[2...]) + [first[0]], pushes: [])
        try HistoryPages.check("pagesListEveryStepInTheOrderRecorded", expected: written, page: s.store.page)
    }

    static func aPushIsQueuedOnceInOrder(_ s: Subject) async throws {
        let (one, two, three) = (push("E-1"), push("E-2"), push("E-3"))
        try s.store.append([steps("E-1")[0]], pushes: [one])
        try s.store.append([steps("E-2")[0]], pushes: [two, one])
        try s.store.append([], pushes: [three, two])
        let lift = RegistryPush.lifting(RegistryLifting(entry: "E-1", institution: "hospital-1", subject: "S-1", cause: .revoked, at: start))
        XCTAssertEqual(try s.store.append([steps("E-1")[0]], pushes: [lift]), ["E-1"], "[aPushIsQueuedOnceInOrder]")
        let pending = try s.store.pendingPushes(limit: 10)
        XCTAssertEqual(pending.map(\.push), [one, two, three],
                       "[aPushIsQueuedOnceInOrder] each once, in the order queued, as given; none of a call whose step was kept from before")
        XCTAssertEqual(pending.map(\.failedAttempts), [0, 0, 0], "[aPushIsQueuedOnceInOrder]")
        XCTAssertEqual(try s.store.pendingPushes(limit: 2).map(\.push), [one, two], "[aPushIsQueuedOnceInOrder] at most the limit")
    }

    static func attemptsAreCountedAndADeliveredPushLeaves(_ s: Subject) async throws {
        let (one, two) = (push("E-1"), push("E-2"))
        try s.store.append([], pushes: [one, two])
        let at = start.adding(seconds: 60)
        try s.store.recordAttempts([RegistryPushAttempt(id: one.id, at: at, failure: "adapter.unavailable"),
                                    RegistryPushAttempt(id: two.id, at: at, failure: nil)])
        try s.store.recordAttempts([RegistryPushAttempt(id: one.id, at: at, failure: "adapter.timeout"),
                                    RegistryPushAttempt(id: two.id, at: at, failure: "adapter.timeout"),
                                    RegistryPushAttempt(id: "no-such-push", at: at, failure: nil)])
        let pending = try s.store.pendingPushes(limit: 10)
        XCTAssertEqual(pending, [RegistryOutboxItem(push: one, failedAttempts: 2, lastFailure: "adapter.timeout")],
                       "[attemptsAreCountedAndADeliveredPushLeaves] a delivered push never comes back")
        try s.store.append([], pushes: [two])
        XCTAssertEqual(try s.store.pendingPushes(limit: 10).map(\.push), [one], "[attemptsAreCountedAndADeliveredPushLeaves] nor when queued again")
        try s.store.recordAttempts([RegistryPushAttempt(id: one.id, at: at, failure: nil)])
        XCTAssertEqual(try s.store.pendingPushes(limit: 10), [], "[attemptsAreCountedAndADeliveredPushLeaves]")
    }

    static func stepsAndPushesSurviveReopening(_ s: Subject) async throws {
        let written = steps("E-1") + steps("E-2", patient: "P-2")
        try s.store.append(written, pushes: [push("E-1"), push("E-2")])
        try s.store.recordAttempts([RegistryPushAttempt(id: push("E-1").id, at: start, failure: "adapter.unavailable")])
        guard let reopened = try s.reopened() else { return }
        XCTAssertEqual(try reopened.events(of: "E-1") + reopened.events(of: "E-2"), written, "[stepsAndPushesSurviveReopening]")
        let failed = RegistryOutboxItem(push: push("E-1"), failedAttempts: 1, lastFailure: "adapter.unavailable")
        XCTAssertEqual(try reopened.pendingPushes(limit: 10), [failed, RegistryOutboxItem(push: push("E-2"))], "[stepsAndPushesSurviveReopening]")
    }
}
