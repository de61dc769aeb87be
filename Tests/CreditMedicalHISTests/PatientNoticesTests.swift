@testable import CreditMedicalHIS
import CreditMedicalCore
import XCTest

/// The ids and texts of the patient's notices, on their own.
final class PatientNoticesTests: XCTestCase {
    private let fixture = DeskFixture()

    private func encounter(_ kind: EncounterKind, round: Int = 1, creditSteps: Int = 3, uncovered: Int64 = 0) -> Encounter {
        var encounter = Encounter(id: "MZ-1", kind: kind, patient: fixture.patient("L1"), department: "内科", paymentMode: .credit,
                                  openedAt: DeskFixture.start, revision: 1)
        encounter.round = round
        encounter.creditSteps = creditSteps
        encounter.uncovered = Money(fen: uncovered)
        return encounter
    }

    func testChargesLockedOnAnOutpatientVisit() {
        let notices = PatientNotices.credit(for: encounter(.outpatient), lockedChange: Money(fen: 12_345), excessChange: .zero,
                                            available: Money(fen: 987_655))
        XCTAssertEqual(notices.map(\.id), ["MZ-1/notice/3/charges_locked"])
        XCTAssertEqual(notices.map(\.kind), [.chargesLocked])
        XCTAssertEqual(notices.map(\.patient), ["patient-L1"])
        XCTAssertEqual(notices.map(\.text), ["【信用就医】就诊号 MZ-1：本次费用 ¥123.45 已由信用额度担保，可用额度 ¥9,876.55。"])
    }

    func testExcessOnAnInpatientStayAlsoTellsTheLineIsExhausted() {
        let stay = encounter(.inpatient, round: 2, creditSteps: 5, uncovered: 30_000)
        let notices = PatientNotices.credit(for: stay, lockedChange: Money(fen: 5_000), excessChange: Money(fen: 20_000), available: .zero)
        XCTAssertEqual(notices.map(\.id), ["MZ-1#2/notice/5/charges_locked", "MZ-1#2/notice/5/excess_due",
                                           "MZ-1#2/notice/5/credit_exhausted"])
        XCTAssertEqual(notices.map(\.text), [
            "【信用就医】就诊号 MZ-1：本次费用 ¥50.00 已由信用额度担保，可用额度 ¥0.00。",
            "【信用就医】就诊号 MZ-1：¥200.00 超出信用额度，请现场或线上支付（待付合计 ¥300.00）。",
            "【信用就医】就诊号 MZ-1：信用额度已用完，后续费用将于出院时结算。",
        ])
    }

    func testNoNoticeWhenCreditOnlyShrinks() {
        let notices = PatientNotices.credit(for: encounter(.inpatient), lockedChange: Money(fen: -1_000), excessChange: Money(fen: -500),
                                            available: .zero)
        XCTAssertEqual(notices, [], "refunds tell the patient nothing")
        let exhausted = PatientNotices.credit(for: encounter(.outpatient), lockedChange: Money(fen: 1_000), excessChange: .zero,
                                              available: .zero)
        XCTAssertEqual(exhausted.map(\.kind), [.chargesLocked], "only an inpatient stay is told the line is exhausted")
    }

    func testTheSettledNoticeCarriesTheFeeNotice() throws {
        var bill = Bill(encounter: "MZ-1")
        try bill.add(fixture.item("A", 10_000))
        let notice = PatientNotices.settled(encounter(.outpatient, round: 3), bill: bill, split: nil)
        XCTAssertEqual(notice.id, "MZ-1#3/settled")
        XCTAssertEqual(notice.kind, .settled)
        XCTAssertEqual(notice.text, FeeNotice(bill: bill).text)
    }

    func testReversedAndCancelledNotices() {
        let reversed = PatientNotices.reversed(encounter(.outpatient), cancelled: false, reversed: Money(fen: 8_000),
                                               refundOwed: Money(fen: 2_000))
        XCTAssertEqual(reversed.id, "MZ-1/reversed")
        XCTAssertEqual(reversed.kind, .settlementReversed)
        XCTAssertEqual(reversed.text, "【信用就医】就诊号 MZ-1：结算已撤销，信用欠款减少 ¥80.00。已还款部分 ¥20.00 将退还给您。")

        let cancelled = PatientNotices.reversed(encounter(.outpatient, round: 2), cancelled: true, reversed: .zero, refundOwed: .zero)
        XCTAssertEqual(cancelled.id, "MZ-1#2/reversed")
        XCTAssertEqual(cancelled.text, "【信用就医】就诊号 MZ-1：结算已取消，信用欠款减少 ¥0.00。费用核对后将重新结算。")
    }
}
