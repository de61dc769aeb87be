import CreditMedicalCore
public import CreditMedicalHIS
import XCTest

/// The conformance suite for an `EncounterStore`. Subclass it, override
/// ``StoreConformanceSuite/makeStore()`` (and ``StoreConformanceSuite/reopen(_:)`` for a store
/// that persists), and declare one test that calls ``ConformanceSuite/runAll()`` and compares the
/// count with ``allScenarios``, as for `LedgerStoreConformance`.
open class EncounterStoreConformance: StoreConformanceSuite<any EncounterStore> {
    public static let allScenarios: [ConformanceScenario<EncounterStoreConformance.Subject>] = [
        .init("encountersReadBackAsWritten", encountersReadBackAsWritten),
        .init("chargesKeepTheirOrder", chargesKeepTheirOrder),
        .init("settlementsByRoundStepAndAdvance", settlementsByRoundStepAndAdvance),
        .init("outboxKeepsWhatWasNotSent", outboxKeepsWhatWasNotSent),
        .init("everythingSurvivesReopening", everythingSurvivesReopening),
        .init("encounterWritesFollowTheirRevision", encounterWritesFollowTheirRevision),
    ]

    override func scenarios() -> [BoundScenario] {
        bind(Self.allScenarios)
    }

    private static let time = Timestamp(millisecondsSince1970: 1_795_996_800_000)

    private static func encounter(_ id: EncounterID, kind: EncounterKind = .outpatient, revision: Int = 0) -> Encounter {
        Encounter(id: id, kind: kind, patient: Patient(id: "P-\(id)", line: "L-1", medicalInsuranceNumber: "YB-1", commercialPolicy: nil),
                  department: "内科", paymentMode: .credit, openedAt: time, revision: revision, institution: "思明区医院")
    }

    private static func item(_ id: String, fen: Int64, quantity: Int64 = 1_000) throws -> ChargeItem {
        try ChargeItem(id: ChargeItemID(id), code: "C-\(id)", name: "名称 \(id)", category: .laboratory, insuranceClass: .b,
                       quantity: Quantity(thousandths: quantity), unitPrice: Money(fen: fen), department: "检验科", doctor: "王",
                       time: time)
    }

    static func encountersReadBackAsWritten(_ s: Subject) async throws {
        let opened = encounter("MZ-1")
        try s.store.commit([.encounter(opened), .encounter(encounter("ZY-1", kind: .inpatient))])
        XCTAssertEqual(try s.store.encounter("MZ-1"), opened, "[encountersReadBackAsWritten]")
        let visit = Encounter(
            id: "MZ-1", kind: .outpatient, patient: opened.patient, department: opened.department, paymentMode: .credit,
            openedAt: time, status: .settled, closedAt: time.adding(seconds: 60), locked: Money(fen: 1_234), uncovered: Money(fen: 56),
            billedThrough: BillingDay(year: 2026, month: 11, day: 25), creditSteps: 3, round: 2, revision: 1,
            claim: EncounterClaim(desk: "desk-1", until: time.adding(seconds: 30)))
        try s.store.commit([.encounter(visit)])
        XCTAssertEqual(try s.store.encounter("MZ-1"), visit, "[encountersReadBackAsWritten] replaced, with a desk's claim")
        XCTAssertEqual(try s.store.encounter("ZY-1")?.kind, .inpatient, "[encountersReadBackAsWritten]")
        XCTAssertNil(try s.store.encounter("MZ-9"), "[encountersReadBackAsWritten] unknown")
        XCTAssertEqual(try s.store.encounters(after: nil, limit: 10), [visit, encounter("ZY-1", kind: .inpatient)],
                       "[encountersReadBackAsWritten] listed by id")
        XCTAssertEqual(try s.store.encounters(after: nil, limit: 1), [visit], "[encountersReadBackAsWritten] at most the limit")
        XCTAssertEqual(try s.store.encounters(after: "MZ-1", limit: 10).map(\.id), ["ZY-1"], "[encountersReadBackAsWritten] after an id")
    }

    /// A commit of two encounters, one with two items and a refund, for a store's own tests.
    public static func sampleCommit() throws -> [EncounterChange] {
        try [.encounter(encounter("MZ-1")), .encounter(encounter("MZ-2")), .items("MZ-1", [item("A", fen: 100), item("B", fen: 100)]),
             .refund("MZ-1", ChargeRefund(id: "R", item: "A", quantity: Quantity(units: 1), time: time))]
    }

    static func encounterWritesFollowTheirRevision(_ s: Subject) async throws {
        let tag = "[encounterWritesFollowTheirRevision]"
        try s.store.commit([.encounter(encounter("MZ-1", revision: 3))])
        XCTAssertEqual(try s.store.encounter("MZ-1")?.revision, 3, "\(tag) a new encounter is stored at any revision (a copy)")
        try s.store.commit([.encounter(encounter("MZ-1", revision: 4)), .items("MZ-1", [try item("A", fen: 10)])])

        func assertStale(_ changes: [EncounterChange], _ expected: [EncounterID], _ message: String) {
            XCTAssertThrowsError(try s.store.commit(changes), "\(tag) \(message)") { error in
                XCTAssertEqual((error as? StaleEncounterError)?.encounters, expected, "\(tag) \(message): \(error)")
            }
        }
        assertStale([.encounter(encounter("MZ-2", revision: 1)), .encounter(encounter("MZ-1", revision: 4)),
                     .items("MZ-1", [try item("B", fen: 20)])], ["MZ-1"], "the same revision again")
        XCTAssertNil(try s.store.encounter("MZ-2"), "\(tag) a refused commit stores nothing")
        XCTAssertEqual(try s.store.charges(of: "MZ-1").items.map(\.id), ["A"], "\(tag) a refused commit stores nothing")
        assertStale([.encounter(encounter("MZ-1", revision: 6))], ["MZ-1"], "a revision skipped")
        assertStale([.encounter(encounter("MZ-1", revision: 5)), .encounter(encounter("MZ-1", revision: 7))], ["MZ-1"],
                    "a revision skipped within the commit")
        XCTAssertEqual(try s.store.encounter("MZ-1")?.revision, 4, "\(tag)")

        try s.store.commit([.encounter(encounter("MZ-1", revision: 5)), .encounter(encounter("MZ-1", revision: 6))])
        XCTAssertEqual(try s.store.encounter("MZ-1")?.revision, 6, "\(tag) two writes in one commit")
    }

    static func chargesKeepTheirOrder(_ s: Subject) async throws {
        try s.store.commit([.encounter(encounter("MZ-1")), .encounter(encounter("MZ-2"))])
        let first = try ["Z", "A", "M"].map { try item($0, fen: 1_001, quantity: 1_500) }
        try s.store.commit([.items("MZ-1", first), .items("MZ-2", [try item("A", fen: 7)])])
        try s.store.commit([.items("MZ-1", [try item("B", fen: 333)]),
                            .refund("MZ-1", ChargeRefund(id: "R2", item: "A", quantity: Quantity(thousandths: 500), time: time)),
                            .refund("MZ-1", ChargeRefund(id: "R1", item: "Z", quantity: Quantity(thousandths: 1_500), time: time))])
        let (items, refunds) = try s.store.charges(of: "MZ-1")
        XCTAssertEqual(items, first + [try item("B", fen: 333)], "[chargesKeepTheirOrder] items as appended")
        XCTAssertEqual(refunds.map(\.id), ["R2", "R1"], "[chargesKeepTheirOrder] refunds as appended")
        let bill = try s.store.bill(of: "MZ-1")
        XCTAssertEqual(bill.total.fen, 1_502 * 3 + 333 - 1_502 - 501, "[chargesKeepTheirOrder] the bill rebuilds exactly")
        XCTAssertEqual(try s.store.charges(of: "MZ-2").items.map(\.id), ["A"], "[chargesKeepTheirOrder] per encounter")
    }

    static func settlementsByRoundStepAndAdvance(_ s: Subject) async throws {
        let medical = MedicalInsuranceSettlement(settlementID: "YB-77", fund: Money(fen: 600), personalAccount: Money(fen: 100), cash: Money(fen: 300))
        let split = try SettlementSplit(total: Money(fen: 1_000), fund: Money(fen: 600), personalAccount: Money(fen: 100),
                                        commercial: Money(fen: 150), credit: Money(fen: 120), excess: Money(fen: 30))
        func done(paidAt: Timestamp?) -> SettlementRecord {
            SettlementRecord(encounter: "MZ-1", round: 1, startedAt: time, total: Money(fen: 1_000), step: .completed,
                             medical: medical, commercial: CommercialInsurancePayment(claimID: "SB-5", paid: Money(fen: 150)),
                             split: split, capturedAt: time, advanceDueBy: time.adding(seconds: 86_400), advancePaidAt: paidAt,
                             refundOwed: Money(fen: 5), updatedAt: time)
        }
        let again = SettlementRecord(encounter: "MZ-1", round: 2, startedAt: time.adding(seconds: 10), total: Money(fen: 900), updatedAt: time,
                                     attention: SettlementAttention(code: "billing.split_mismatch", reason: "不符 / does not add up", since: time))
        let other = SettlementRecord(encounter: "MZ-2", round: 1, startedAt: time, total: Money(fen: 50), step: .captured,
                                     advanceDueBy: time.adding(seconds: 3_600), updatedAt: time)
        try s.store.commit([.settlement(done(paidAt: nil)), .settlement(again), .settlement(other)])
        XCTAssertEqual(try s.store.settlement(of: "MZ-1"), again, "[settlementsByRoundStepAndAdvance] the latest round")
        XCTAssertEqual(try s.store.settlements(of: "MZ-1"), [done(paidAt: nil), again], "[settlementsByRoundStepAndAdvance] every round")
        XCTAssertEqual(try s.store.settlements(of: "MZ-9"), [], "[settlementsByRoundStepAndAdvance] none")
        XCTAssertEqual(try s.store.settlements(in: [.started], limit: 10), [again], "[settlementsByRoundStepAndAdvance]")
        XCTAssertEqual(try s.store.settlements(in: [.started, .captured], limit: 1), [other],
                       "[settlementsByRoundStepAndAdvance] oldest first, at most the limit")
        XCTAssertEqual(try s.store.settlementsAwaitingAdvance(limit: 10), [other, done(paidAt: nil)],
                       "[settlementsByRoundStepAndAdvance] earliest due first")
        try s.store.commit([.settlement(done(paidAt: time.adding(seconds: 7_200)))])
        XCTAssertEqual(try s.store.settlementsAwaitingAdvance(limit: 10), [other], "[settlementsByRoundStepAndAdvance] paid ones leave")
    }

    static func outboxKeepsWhatWasNotSent(_ s: Subject) async throws {
        let notes = (1...3).map { PatientNotification(id: AdapterRequestID("N\($0)"), patient: "P", kind: .settled, text: "账单 \($0)") }
        try s.store.commit(notes.map(EncounterChange.notification))
        try s.store.commit([.notification(notes[0]), .notificationSent("N2")])
        XCTAssertEqual(try s.store.pendingNotifications(limit: 10), [notes[0], notes[2]], "[outboxKeepsWhatWasNotSent]")
        XCTAssertEqual(try s.store.pendingNotifications(limit: 1), [notes[0]], "[outboxKeepsWhatWasNotSent] oldest first")
        try s.store.commit([.deliveryFailed("N3"), .deliveryFailed("N1")])
        try s.store.commit([.deliveryFailed("N3"), .deliveryFailed("N9")])
        XCTAssertEqual(try s.store.pendingNotifications(failedAtLeast: 1, limit: 10), [notes[0], notes[2]],
                       "[outboxKeepsWhatWasNotSent] failed deliveries are counted")
        XCTAssertEqual(try s.store.pendingNotifications(failedAtLeast: 2, limit: 10), [notes[2]],
                       "[outboxKeepsWhatWasNotSent] each failed delivery once")
    }

    static func everythingSurvivesReopening(_ s: Subject) async throws {
        try s.store.commit([.encounter(encounter("MZ-1")), .items("MZ-1", [try item("A", fen: 10)]),
                            .settlement(SettlementRecord(encounter: "MZ-1", round: 1, startedAt: time, total: Money(fen: 10), updatedAt: time)),
                            .notification(PatientNotification(id: "N1", patient: "P", kind: .settled, text: "t"))])
        try s.store.flush()
        guard let reopened = try s.reopened() else { return }
        XCTAssertEqual(try reopened.encounter("MZ-1"), encounter("MZ-1"), "[everythingSurvivesReopening]")
        XCTAssertEqual(try reopened.bill(of: "MZ-1").total.fen, 10, "[everythingSurvivesReopening]")
        XCTAssertEqual(try reopened.settlement(of: "MZ-1")?.step, .started, "[everythingSurvivesReopening]")
        XCTAssertEqual(try reopened.pendingNotifications(limit: 10).map(\.id), ["N1"], "[everythingSurvivesReopening]")
    }
}
