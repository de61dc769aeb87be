import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTesting
import Synchronization
import CreditMedicalTestSupport
import XCTest

/// Checkouts whose parties disagree are parked with the reason, keep their hold, and are
/// reported, retried or cancelled; resuming goes through every unfinished checkout and never
/// stops at the first failure.
final class StuckCheckoutTests: XCTestCase {
    private var fixture: DeskFixture!
    private var medical: FaultyMedicalInsurance!
    private var desk: CreditDesk!

    override func setUp() async throws {
        fixture = DeskFixture()
        medical = FaultyMedicalInsurance(fixture.parties.medicalInsurance)
        desk = fixture.desk(medicalInsurance: medical)
        try await fixture.enroll("L1", limit: 500_000)
    }

    private func openAndCharge(_ id: EncounterID, _ fen: Int64 = 30_000) async throws {
        try await desk.open(id, kind: .outpatient, patient: fixture.patient("L1"), department: "内科")
        try await desk.charge([fixture.item("\(id)-A", fen)], to: id)
    }

    func testAQuoteThatDoesNotAddUpParksTheCheckoutWithItsHoldUntilAnOperatorRetries() async throws {
        try await openAndCharge("MZ-1")
        medical.fault.withLock { $0 = .quoteOneFenOver }
        await assertThrows(BillingError.Code.splitMismatch) { try await self.desk.checkout("MZ-1") }
        let parked = try XCTUnwrap(fixture.store.settlement(of: "MZ-1"))
        XCTAssertEqual(parked.attention?.code, "billing.split_mismatch")
        XCTAssertTrue(parked.attention?.reason.contains("party=medical insurance") == true, parked.attention?.reason ?? "")
        XCTAssertNil(parked.medical, "nothing settled")
        XCTAssertEqual(fixture.parties.medicalInsurance.appliedCount, 0)
        XCTAssertEqual(try fixture.store.encounter("MZ-1")?.status, .settling)
        XCTAssertEqual(try fixture.ledger.hold("MZ-1")?.amount.fen, 30_000, "the hold stays")

        let report = try await desk.resumeCheckouts()
        XCTAssertEqual(report.needsAttention.map(\.encounter), ["MZ-1"])
        XCTAssertFalse(report.isComplete)
        XCTAssertEqual(medical.quotes, 1, "a parked checkout is not tried again by itself")

        medical.fault.withLock { $0 = nil }
        let record = try await desk.retryCheckout("MZ-1")
        XCTAssertEqual(record.step, .completed)
        XCTAssertNil(record.attention)
        XCTAssertEqual(try fixture.ledger.line("L1")?.outstanding, record.split?.credit)
        let after = try await desk.resumeCheckouts()
        XCTAssertTrue(after.isComplete)
    }

    func testCancellingAParkedCheckoutUndoesWhatWasSettledAndOpensTheNextRound() async throws {
        try await openAndCharge("MZ-1")
        medical.fault.withLock { $0 = .settlementOneFenOver }
        await assertThrows(BillingError.Code.splitMismatch) { try await self.desk.checkout("MZ-1") }
        let parked = try XCTUnwrap(fixture.store.settlement(of: "MZ-1"))
        XCTAssertNotNil(parked.medical, "what 医保 settled is recorded for the cancellation")
        XCTAssertEqual(fixture.parties.medicalInsurance.appliedCount, 1)

        medical.fault.withLock { $0 = nil }
        let cancelled = try await desk.cancelCheckout("MZ-1")
        XCTAssertEqual(cancelled.step, .cancelled)
        XCTAssertEqual(fixture.parties.medicalInsurance.settlements(for: "MZ-1"), [], "医保's settlement was reversed")
        XCTAssertEqual(try fixture.ledger.hold("MZ-1")?.state, .voided, "the hold is released")
        XCTAssertEqual(try fixture.ledger.line("L1")?.held, .zero)
        let reopened = try XCTUnwrap(fixture.store.encounter("MZ-1"))
        XCTAssertEqual([reopened.status.rawValue, "\(reopened.round)"], ["open", "2"])

        let again = try await desk.checkout("MZ-1")
        XCTAssertEqual([again.step.rawValue, "\(again.round)"], ["completed", "2"])
        XCTAssertEqual(try fixture.ledger.line("L1")?.outstanding, again.split?.credit)
        XCTAssertTrue(try LedgerAuditor(store: fixture.ledger.store).audit().isClean)
    }

    func testResumingGoesThroughEveryCheckoutAndReportsEach() async throws {
        for id: EncounterID in ["MZ-1", "MZ-2", "MZ-3", "MZ-4"] { try await openAndCharge(id) }
        medical.fault.withLock { $0 = .quoteOneFenOver }
        await assertThrows(BillingError.Code.splitMismatch) { try await self.desk.checkout("MZ-1") }
        medical.fault.withLock { $0 = .unreachable }
        await assertThrows(AdapterError.Code.unavailable) { try await self.desk.checkout("MZ-2") }
        await assertThrows(AdapterError.Code.unavailable) { try await self.desk.checkout("MZ-3") }
        medical.fault.withLock { $0 = nil }
        await assertThrows(AdapterError.Code.unavailable) {
            self.fixture.parties.bank.inject(.unavailable)
            return try await self.desk.checkout("MZ-4")
        }
        // MZ-3's cancellation is asked for by a tool that talks to no party; the resume does it.
        try CreditDesk.requestCancellation(of: "MZ-3", in: fixture.store, at: fixture.clock.now())
        medical.fault.withLock { $0 = .unreachableFor("MZ-2") }

        let report = try await desk.resumeCheckouts()
        XCTAssertEqual(report.needsAttention.map(\.encounter), ["MZ-1"])
        XCTAssertEqual(report.deferred.map(\.record.encounter), ["MZ-2"])
        XCTAssertTrue(report.deferred.first?.failure.hasPrefix("adapter.unavailable") == true, "\(report.deferred)")
        XCTAssertEqual(report.compensated.map(\.encounter), ["MZ-3"])
        XCTAssertEqual(report.finished.map(\.encounter), ["MZ-4"])
        XCTAssertEqual(report.description, "1 finished, 1 compensated, 1 need attention, 1 to be tried again")
        XCTAssertEqual(try fixture.store.encounter("MZ-3")?.status, .open)

        medical.fault.withLock { $0 = nil }
        let later = try await desk.resumeCheckouts()
        XCTAssertEqual(later.finished.map(\.encounter), ["MZ-2"])
        XCTAssertEqual(later.needsAttention.map(\.encounter), ["MZ-1"], "still parked until an operator acts")
    }

    func testACheckoutAnotherDeskIsRunningIsLeftToItUntilItsClaimLapses() async throws {
        try await openAndCharge("MZ-1")
        let crashing = CreditDesk.crashing(at: .medicalCalled, ledger: fixture.ledger, store: fixture.store,
                                           medicalInsurance: fixture.parties.medicalInsurance, commercialInsurance: nil,
                                           bank: fixture.parties.bank, notifications: fixture.parties.notifications)
        do {
            try await crashing.checkout("MZ-1")
            XCTFail("the desk crashed")
        } catch is SimulatedCrash {}
        let other = fixture.desk()
        let early = try await other.resumeCheckouts()
        XCTAssertEqual(early.deferred.map(\.record.encounter), ["MZ-1"], "the other desk may still be at work on it")
        XCTAssertTrue(early.deferred.first?.failure.hasPrefix("in progress at another desk") == true, "\(early.deferred)")
        fixture.clock.advance(seconds: CreditDesk.Configuration().claimSeconds + 1)
        let later = try await other.resumeCheckouts()
        XCTAssertEqual(later.finished.map(\.encounter), ["MZ-1"], "its claim lapsed: the desk died")
        XCTAssertEqual(fixture.parties.medicalInsurance.appliedCount, 1, "医保 settled once")
    }
}

/// A medical insurer that answers wrongly or cannot be reached while told to, and otherwise
/// passes calls to the fake.
private final class FaultyMedicalInsurance: MedicalInsuranceAdapter {
    enum Fault { case quoteOneFenOver, settlementOneFenOver, unreachable, unreachableFor(EncounterID) }

    let wrapped: FakeMedicalInsurance
    let fault = Mutex<Fault?>(nil)
    private let quoteCount = Mutex(0)
    var quotes: Int { quoteCount.withLock { $0 } }

    init(_ wrapped: FakeMedicalInsurance) { self.wrapped = wrapped }

    private func failIfUnreachable(_ claim: MedicalInsuranceClaim) throws {
        switch fault.withLock({ $0 }) {
        case .unreachable?: throw AdapterError(.unavailable)
        case .unreachableFor(let id)? where id == claim.encounter: throw AdapterError(.unavailable)
        default: break
        }
    }

    func preSettle(_ claim: MedicalInsuranceClaim) async throws -> MedicalInsuranceSettlement {
        quoteCount.withLock { $0 += 1 }
        try failIfUnreachable(claim)
        let quote = try await wrapped.preSettle(claim)
        guard case .quoteOneFenOver? = fault.withLock({ $0 }) else { return quote }
        return MedicalInsuranceSettlement(settlementID: quote.settlementID, fund: Money(fen: quote.fund.fen + 1),
                                          personalAccount: quote.personalAccount, cash: quote.cash)
    }

    func settle(_ claim: MedicalInsuranceClaim) async throws -> MedicalInsuranceSettlement {
        try failIfUnreachable(claim)
        let settled = try await wrapped.settle(claim)
        guard case .settlementOneFenOver? = fault.withLock({ $0 }) else { return settled }
        return MedicalInsuranceSettlement(settlementID: settled.settlementID, fund: Money(fen: settled.fund.fen + 1),
                                          personalAccount: settled.personalAccount, cash: settled.cash)
    }

    func reverse(settlementID: String, requestID: AdapterRequestID) async throws {
        try await wrapped.reverse(settlementID: settlementID, requestID: requestID)
    }
}

