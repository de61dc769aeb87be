import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalTestSupport
import CreditMedicalTesting
import XCTest

/// A visit reversed after the bank advanced it: the receivable shrinks, the bank is told once and
/// nets the advance, and the patient, the hospital and the bank agree on who owes whom.
final class ReversalAfterAdvanceTests: XCTestCase {
    let fixture = DeskFixture()
    var bank: FakeCreditProvider { fixture.parties.bank }

    /// A class C visit of ¥500 on a ¥1,000 line: 医保 pays nothing, 商保 half, credit ¥250.
    func settledVisit(_ desk: CreditDesk) async throws -> Money {
        try await fixture.enroll("L1", limit: 100_000)
        try await desk.open("MZ-1", kind: .outpatient, patient: fixture.patient("L1"), department: "内科")
        try await desk.charge([fixture.item("A", 30_000, .c), fixture.item("B", 20_000, .c)], to: "MZ-1")
        let record = try await desk.checkout("MZ-1")
        return try XCTUnwrap(record.split?.credit)
    }

    func testAReversalAfterThePaidAdvanceNetsItAndThePartiesAgree() async throws {
        let desk = fixture.desk()
        let book = ReceivableBook(ledger: fixture.ledger, store: InMemoryReceivableStore())
        let credit = try await settledVisit(desk)
        XCTAssertEqual(credit.fen, 25_000)
        bank.payAdvances(at: fixture.clock.now())
        _ = try await desk.refreshAdvances()
        fixture.clock.advance(seconds: 86_400)
        _ = try await book.repay(RepaymentRequest(reference: "W-1", line: "L1", amount: Money(fen: 10_000), channel: .hospitalWindow))
        XCTAssertEqual(try book.statement(of: "L1").map(\.owed.fen), [15_000])

        let reversed = try await desk.reverseSettlement("MZ-1")
        XCTAssertEqual(reversed.refundOwed.fen, 10_000, "what the patient repaid comes back from the hospital")
        let notice = try XCTUnwrap(bank.reversalNotices(for: "MZ-1").first)
        XCTAssertEqual(bank.reversalNotices.count, 1)
        XCTAssertEqual(notice.amount.fen, 15_000, "what the line owed no more")
        XCTAssertTrue(notice.advancePaid)
        XCTAssertEqual(notice.advanceRequestID, "MZ-1/advance")
        XCTAssertEqual(try book.statement(of: "L1").map(\.owed.fen), [0], "the receivable shrank to nothing")
        // The hospital keeps of the advance exactly what it owes the patient back; the bank lent
        // ¥250, got ¥100 from the patient and ¥150 back from the hospital.
        XCTAssertEqual(bank.netAdvances(to: .unnamed), reversed.refundOwed)
        XCTAssertEqual(try fixture.ledger.line("L1")?.outstanding, .zero)
        XCTAssertEqual(try book.linesOutOfStep(), [])

        try await desk.refund(ChargeRefund(id: "RF", item: "B", quantity: Quantity(units: 1), time: fixture.clock.now()), in: "MZ-1")
        let again = try await desk.checkout("MZ-1")
        XCTAssertEqual(again.split?.credit.fen, 15_000, "settled again without item B")
        XCTAssertEqual(bank.netAdvances(to: .unnamed).fen, 10_000 + 15_000, "the new round's advance")
        XCTAssertEqual(try book.statement(of: "L1").map(\.owed.fen), [0, 15_000])
    }

    func testABankOutageLeavesTheReversalToResumeAndTheBankBooksItOnce() async throws {
        let desk = fixture.desk()
        _ = try await settledVisit(desk)
        bank.inject(.unavailable)
        await assertThrows(AdapterError.Code.unavailable) { try await desk.reverseSettlement("MZ-1") }
        XCTAssertEqual(try fixture.store.settlement(of: "MZ-1")?.step, .reversing)
        XCTAssertEqual(bank.reversalNotices, [])
        bank.inject(.timeoutAfterApplying)
        await assertThrows(AdapterError.Code.timeout) { try await desk.reverseSettlement("MZ-1") }
        let record = try await desk.reverseSettlement("MZ-1")
        XCTAssertEqual(record.step, .reversed)
        XCTAssertEqual(bank.reversalNotices.map(\.amount.fen), [25_000], "booked once")
        XCTAssertFalse(bank.reversalNotices[0].advancePaid, "the bank had not paid: it reduces the pending advance")
        XCTAssertEqual(bank.netAdvances(to: .unnamed), .zero)
        XCTAssertEqual(try fixture.ledger.journal(for: "L1").filter { $0.key == "MZ-1/reversal" }.count, 1)
    }
}
