import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTesting
import CreditMedicalTestSupport
import XCTest

/// The desk's audit finds what a person should look at, and nothing after ordinary work.
final class DeskAuditorTests: XCTestCase {
    private func audit(_ fixture: DeskFixture, at time: Timestamp? = nil) throws -> DeskAuditReport {
        try DeskAuditor(ledger: fixture.ledger.store, desk: fixture.store).audit(at: time ?? fixture.clock.now())
    }

    private func kinds(_ report: DeskAuditReport) -> [DeskFinding.Kind: [String]] {
        Dictionary(grouping: report.findings, by: \.kind).mapValues { $0.map { $0.encounter?.rawValue ?? $0.hold?.rawValue ?? $0.detail } }
    }

    func testOrdinaryWorkIsClean() async throws {
        let fixture = DeskFixture()
        let desk = fixture.desk()
        try await fixture.enroll("L1", limit: 500_000)
        try await desk.open("MZ-1", kind: .outpatient, patient: fixture.patient("L1"), department: "内科")
        try await desk.charge([fixture.item("A", 12_000)], to: "MZ-1")
        try await desk.checkout("MZ-1")
        try await desk.reverseSettlement("MZ-1")
        try await desk.checkout("MZ-1")
        try await desk.open("MZ-2", kind: .outpatient, patient: fixture.patient("L1"), department: "内科")
        try await desk.charge([fixture.item("B", 3_000)], to: "MZ-2")
        let report = try audit(fixture)
        XCTAssertTrue(report.isClean, "\(report)")
        XCTAssertEqual([report.encountersChecked, report.settlementsChecked, report.holdsChecked], [2, 1, 1])
    }

    func testEveryKindOfFindingIsReported() async throws {
        let fixture = DeskFixture()
        let desk = fixture.desk()
        try await fixture.enroll("L1", limit: 500_000)
        for id: EncounterID in ["MZ-1", "MZ-2", "MZ-3"] {
            try await desk.open(id, kind: .outpatient, patient: fixture.patient("L1"), department: "内科")
            try await desk.charge([fixture.item("\(id)-A", 10_000)], to: id)
        }
        // MZ-1 stops half-way: 医保 cannot be reached.
        fixture.parties.medicalInsurance.inject(.unavailable)
        await assertThrows(AdapterError.Code.unavailable) { try await desk.checkout("MZ-1") }
        // MZ-2 is parked: 医保's quote does not add up.
        let parking = fixture.desk(medicalInsurance: OneFenOverQuote(fixture.parties.medicalInsurance))
        await assertThrows(BillingError.Code.splitMismatch) { try await parking.checkout("MZ-2") }
        // MZ-3 settles; the bank never pays its advance, and the fee notice is never delivered.
        fixture.parties.notifications.inject(.unavailable, .unavailable, .unavailable, .unavailable)
        try await desk.checkout("MZ-3")
        for _ in 0..<3 { _ = try? await desk.deliverNotifications() }
        // A hold nobody's visit owns.
        try await fixture.ledger.execute(.placeHold("STRAY", line: "L1", amount: Money(fen: 100), expiresAt: nil), key: "stray")
        // MZ-4 is written as settled for less than its bill.
        let settled = Encounter(id: "MZ-4", kind: .outpatient, patient: fixture.patient("L1"), department: "内科", paymentMode: .credit,
                                openedAt: fixture.clock.now(), status: .settled, revision: 1)
        let split = try SettlementSplit(total: Money(fen: 500), fund: .zero, personalAccount: .zero, commercial: .zero,
                                        credit: Money(fen: 500), excess: .zero)
        try fixture.store.commit([.encounter(settled), .items("MZ-4", [fixture.item("MZ-4-A", 700)]),
                                  .settlement(SettlementRecord(encounter: "MZ-4", round: 1, startedAt: fixture.clock.now(), total: Money(fen: 500),
                                                               step: .completed, medical: MedicalInsuranceSettlement(
                                                                   settlementID: "", fund: .zero, personalAccount: .zero, cash: Money(fen: 500)),
                                                               split: split, updatedAt: fixture.clock.now()))])
        // MZ-5 is written as settling without a record of its checkout.
        try fixture.store.commit([.encounter(Encounter(id: "MZ-5", kind: .outpatient, patient: fixture.patient("L1"), department: "内科",
                                                       paymentMode: .credit, openedAt: fixture.clock.now(), status: .settling, revision: 1))])

        let found = kinds(try audit(fixture, at: fixture.clock.now().adding(seconds: 86_401)))
        XCTAssertEqual(found[.checkoutUnfinished], ["MZ-1"])
        XCTAssertEqual(found[.checkoutNeedsAttention], ["MZ-2"])
        XCTAssertEqual(found[.holdWithoutOpenEncounter], ["STRAY"])
        XCTAssertEqual(found[.settlementMismatch], ["MZ-4"])
        XCTAssertEqual(found[.advanceOverdue], ["MZ-3"])
        XCTAssertEqual(found[.notificationUndelivered]?.count, 1)
        XCTAssertEqual(found[.settlingWithoutRecord], ["MZ-5"])
        XCTAssertEqual(Set(found.keys), Set(DeskFinding.Kind.allCases))

        // Within the bank's 24 hours its advance is not overdue; once paid it is no finding.
        XCTAssertNil(kinds(try audit(fixture))[.advanceOverdue])
        fixture.parties.bank.payAdvances(at: fixture.clock.now())
        try await desk.refreshAdvances()
        XCTAssertNil(kinds(try audit(fixture, at: fixture.clock.now().adding(seconds: 86_401)))[.advanceOverdue])
    }
}

/// A medical insurer whose quotes are one fen over the bill.
private struct OneFenOverQuote: MedicalInsuranceAdapter {
    let wrapped: FakeMedicalInsurance
    init(_ wrapped: FakeMedicalInsurance) { self.wrapped = wrapped }

    func preSettle(_ claim: MedicalInsuranceClaim) async throws -> MedicalInsuranceSettlement {
        let quote = try await wrapped.preSettle(claim)
        return MedicalInsuranceSettlement(settlementID: quote.settlementID, fund: Money(fen: quote.fund.fen + 1),
                                          personalAccount: quote.personalAccount, cash: quote.cash)
    }

    func settle(_ claim: MedicalInsuranceClaim) async throws -> MedicalInsuranceSettlement { try await wrapped.settle(claim) }
    func reverse(settlementID: String, requestID: AdapterRequestID) async throws {
        try await wrapped.reverse(settlementID: settlementID, requestID: requestID)
    }
}
