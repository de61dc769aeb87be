import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTesting
import XCTest

final class EncounterCreditTests: XCTestCase {
    private var ledger: Ledger!
    private var visit: EncounterCredit!

    override func setUp() async throws {
        ledger = Ledger(store: InMemoryLedgerStore(), clock: ManualClock(Timestamp(millisecondsSince1970: 1_767_225_600_000)))
        try await ledger.execute(.openLine("P1", limit: Money(fen: 100_000)), key: "enroll-P1")
        visit = EncounterCredit(ledger: ledger, line: "P1", encounter: "MZ-1")
    }

    func testChargesGrowOneHoldAndSettlementCapturesTheSelfPayPart() async throws {
        try await visit.lock(Money(fen: 2_500), forItem: "REG-1")
        try await visit.lock(Money(fen: 18_050), forItem: "LAB-7")
        try await visit.lock(Money(fen: 32_680), forItem: "RX-3")
        try await visit.refund(Money(fen: 4_830), ofItem: "RX-3")
        XCTAssertEqual(try visit.current()?.amount, Money(fen: 48_400))
        let settled = try await visit.settle(selfPay: Money(fen: 22_160))
        XCTAssertEqual(settled.line.held, .zero)
        XCTAssertEqual(settled.line.outstanding, Money(fen: 22_160))
        XCTAssertEqual(try visit.current()?.state, .captured)
        XCTAssertEqual(try ledger.journal(for: "P1").count, 6)
        XCTAssertTrue(try LedgerAuditor(store: ledger.store).audit().isClean)
    }

    func testRetriedCallsApplyNothingTwice() async throws {
        let first = try await visit.lock(Money(fen: 1_000), forItem: "A")
        let second = try await visit.lock(Money(fen: 2_000), forItem: "B")
        let retriedPlace = try await visit.lock(Money(fen: 1_000), forItem: "A")
        XCTAssertTrue(retriedPlace.isReplay)
        let retriedIncrease = try await visit.lock(Money(fen: 2_000), forItem: "B")
        XCTAssertTrue(retriedIncrease.isReplay)
        XCTAssertEqual(retriedIncrease.entry, second.entry)
        XCTAssertFalse(first.isReplay)
        try await visit.refund(Money(fen: 500), ofItem: "B")
        let retriedRefund = try await visit.refund(Money(fen: 500), ofItem: "B")
        XCTAssertTrue(retriedRefund.isReplay)
        try await visit.settle(selfPay: Money(fen: 1_200))
        let retriedSettlement = try await visit.settle(selfPay: Money(fen: 1_200))
        XCTAssertTrue(retriedSettlement.isReplay)
        XCTAssertEqual(try ledger.line("P1")?.outstanding, Money(fen: 1_200))
        XCTAssertEqual(try ledger.journal(for: "P1").count, 5)
    }

    func testAChargeBeyondTheLineIsRefusedAndChangesNothing() async throws {
        try await visit.lock(Money(fen: 90_000), forItem: "BED-1")
        do {
            try await visit.lock(Money(fen: 10_001), forItem: "BED-2")
            XCTFail("a charge beyond the line was locked")
        } catch let error as LedgerError {
            XCTAssertEqual(error.code, .insufficientAvailable)
        }
        XCTAssertEqual(try visit.current()?.amount, Money(fen: 90_000))
    }

    func testNothingToPaySelfReleasesTheWholeHold() async throws {
        try await visit.lock(Money(fen: 3_000), forItem: "A")
        let settled = try await visit.settle(selfPay: .zero)
        XCTAssertEqual(settled.line.held, .zero)
        XCTAssertEqual(settled.line.outstanding, .zero)
        XCTAssertEqual(try visit.current()?.state, .voided)
    }
}
