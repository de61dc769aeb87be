@testable import CreditMedicalHIS
import CreditMedicalCore
import XCTest

/// Bringing a bill to credit, on its own: the locker and the ledger, without a desk.
final class CreditLockerTests: XCTestCase {
    private let fixture = DeskFixture()
    private var locker: CreditLocker { CreditLocker(ledger: fixture.ledger, excessPolicy: .lockAvailable, calendar: BillingCalendar()) }

    private func visit(_ kind: EncounterKind = .outpatient) -> Encounter {
        Encounter(id: "MZ-1", kind: kind, patient: fixture.patient("L1"), department: "内科", paymentMode: .credit,
                  openedAt: DeskFixture.start, revision: 1)
    }

    private func bill(_ fen: Int64...) throws -> Bill {
        var bill = Bill(encounter: "MZ-1")
        for (index, amount) in fen.enumerated() { try bill.add(fixture.item("I\(index)", amount)) }
        return bill
    }

    func testWhatTheLineCannotCoverIsExcessAndRefundsTakeTheExcessBackFirst() async throws {
        try await fixture.enroll("L1", limit: 10_000)
        var encounter = visit()
        var charged = try bill(8_000, 3_000, 4_000)
        let first = try await locker.bringToCredit(&encounter, bill: charged)
        XCTAssertEqual(first.lockedChange.fen, 10_000)
        XCTAssertEqual(first.excessChange.fen, 5_000)
        XCTAssertEqual(first.available, .zero)
        XCTAssertEqual(first.notifications.map(\.kind), [.chargesLocked, .excessDue])
        XCTAssertEqual(encounter.creditSteps, 1)
        XCTAssertEqual(try fixture.ledger.hold("MZ-1")?.amount.fen, 10_000)

        try charged.add(ChargeRefund(id: "R1", item: "I1", quantity: Quantity(units: 1), time: DeskFixture.start))
        let refunded = try await locker.bringToCredit(&encounter, bill: charged)
        XCTAssertEqual(refunded.lockedChange, .zero, "the refund is taken off the excess")
        XCTAssertEqual(refunded.excessChange.fen, -3_000)
        XCTAssertNil(refunded.available, "the hold was at its target: the ledger was not asked")
        XCTAssertEqual(refunded.notifications, [])
        XCTAssertEqual(encounter.creditSteps, 1)
        XCTAssertEqual(encounter.locked.fen + encounter.uncovered.fen, 12_000, "locked and excess add up to the bill")
    }

    /// A key a crashed attempt used is skipped: only a new ledger entry tells what the hold holds.
    func testAStepKeyUsedBeforeIsSkipped() async throws {
        try await fixture.enroll("L1", limit: 10_000)
        var encounter = visit()
        try await fixture.ledger.execute(.lockUpTo("MZ-1", line: "L1", target: Money(fen: 4_000), rule: .asMuchAsAvailable),
                                         key: encounter.keys.creditStep(1))
        let outcome = try await locker.bringToCredit(&encounter, bill: bill(4_000))
        XCTAssertEqual(encounter.creditSteps, 2)
        XCTAssertEqual(outcome.lockedChange.fen, 4_000)
        XCTAssertEqual(outcome.notifications.map(\.id), ["MZ-1/notice/2/charges_locked"])
        XCTAssertEqual(try fixture.ledger.hold("MZ-1")?.amount.fen, 4_000)
    }

    func testAnInpatientStayLocksOnlyItsClosedDays() async throws {
        try await fixture.enroll("L1", limit: 10_000)
        var stay = visit(.inpatient)
        let outcome = try await locker.bringToCredit(&stay, bill: bill(3_000))
        XCTAssertEqual(outcome.lockedChange, .zero, "no day closed yet")
        XCTAssertNil(try fixture.ledger.hold("MZ-1"))

        stay.billedThrough = BillingCalendar().day(of: fixture.clock.now())
        let closed = try await locker.bringToCredit(&stay, bill: bill(3_000))
        XCTAssertEqual(closed.lockedChange.fen, 3_000)
    }
}
