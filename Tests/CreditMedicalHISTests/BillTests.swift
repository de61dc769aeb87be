import CreditMedicalCore
import CreditMedicalHIS
import Foundation
import XCTest

final class BillTests: XCTestCase {
    private let noon = Timestamp(millisecondsSince1970: 1_795_579_200_000)  // 2026-11-25 12:00 Asia/Shanghai

    private func item(_ id: ChargeItemID, _ category: ChargeCategory = .westernDrug, _ insuranceClass: InsuranceClass = .a,
                      quantity: String = "1", price: Int64, at time: Timestamp? = nil) throws -> ChargeItem {
        try ChargeItem(id: id, code: "X-\(id)", name: "item \(id)", category: category, insuranceClass: insuranceClass,
                       quantity: Quantity(parsing: quantity), unitPrice: Money(fen: price), time: time ?? noon)
    }

    func testQuantitiesParseExactlyAndRejectOtherText() throws {
        XCTAssertEqual(try Quantity(parsing: "0.5").thousandths, 500)
        XCTAssertEqual(try Quantity(parsing: "12").thousandths, 12_000)
        XCTAssertEqual(try Quantity(parsing: "1.125").description, "1.125")
        XCTAssertEqual(try Quantity(parsing: "2.50").description, "2.5")
        for text in ["", ".5", "1.", "1.2345", "-1", "1e3", "abc", "99999999999999999999"] {
            XCTAssertThrowsError(try Quantity(parsing: text), text)
        }
    }

    func testAmountsRoundHalfAwayFromZeroToTheFen() throws {
        XCTAssertEqual(try Quantity(parsing: "0.5").price(at: Money(fen: 5)), Money(fen: 3))       // 2.5 → 3
        XCTAssertEqual(try Quantity(parsing: "0.333").price(at: Money(fen: 1_000)), Money(fen: 333))
        XCTAssertEqual(try Quantity(parsing: "0.001").price(at: Money(fen: 499)), Money(fen: 0))    // 0.499 → 0
        XCTAssertEqual(try Quantity(parsing: "0.001").price(at: Money(fen: 500)), Money(fen: 1))    // 0.5 → 1
        XCTAssertThrowsError(try Quantity(units: 1_000_000).price(at: Money(fen: .max / 10))) { error in
            XCTAssertTrue(BillingError.Code.amountOverflow ~= error)
        }
    }

    func testRefundsInPiecesReturnExactlyTheItemAmount() throws {
        var bill = Bill(encounter: "ZY-1")
        try bill.add(item("RX-1", quantity: "3", price: 333))   // 9.99
        var returned: Int64 = 0
        for (index, piece) in ["0.7", "1.1", "0.2", "1"].enumerated() {
            returned += try bill.add(ChargeRefund(id: ChargeItemID("RF-\(index)"), item: "RX-1", quantity: Quantity(parsing: piece), time: noon)).fen
        }
        XCTAssertEqual(returned, 999)
        XCTAssertEqual(bill.total, .zero)
        XCTAssertEqual(bill.line("RX-1")?.quantity, .zero)
    }

    func testRejectedInputLeavesTheBillUnchanged() throws {
        var bill = Bill(encounter: "MZ-1")
        try bill.add(item("LAB-1", .laboratory, price: 18_050))
        let before = bill
        XCTAssertThrowsError(try bill.add(item("LAB-1", price: 1))) { XCTAssertTrue(BillingError.Code.duplicateItem ~= $0) }
        XCTAssertThrowsError(try bill.add(ChargeRefund(id: "RF", item: "NOPE", quantity: Quantity(units: 1), time: noon))) {
            XCTAssertTrue(BillingError.Code.unknownItem ~= $0)
        }
        XCTAssertThrowsError(try bill.add(ChargeRefund(id: "RF", item: "LAB-1", quantity: Quantity(parsing: "1.5"), time: noon))) {
            XCTAssertTrue(BillingError.Code.refundExceedsItem ~= $0)
        }
        XCTAssertThrowsError(try bill.add(ChargeRefund(id: "LAB-1", item: "LAB-1", quantity: Quantity(units: 1), time: noon))) {
            XCTAssertTrue(BillingError.Code.duplicateItem ~= $0)
        }
        XCTAssertThrowsError(try item("BAD", quantity: "0", price: 1)) { XCTAssertTrue(BillingError.Code.invalidQuantity ~= $0) }
        XCTAssertThrowsError(try item("BAD", price: -1)) { XCTAssertTrue(BillingError.Code.invalidPrice ~= $0) }
        XCTAssertThrowsError(try item("", price: 1)) { XCTAssertTrue(BillingError.Code.invalidIdentifier ~= $0) }
        XCTAssertEqual(bill, before)
    }

    func testInpatientStayIsCutIntoDaysAtTheConfiguredTimeInShanghai() throws {
        let hour: Int64 = 3_600
        var bill = Bill(encounter: "ZY-2")
        try bill.add(item("BED-1", .bed, price: 5_000, at: noon))                               // 25th 12:00
        try bill.add(item("NUR-1", .nursing, price: 2_000, at: noon.adding(seconds: 7 * hour)))  // 25th 19:00
        try bill.add(item("BED-2", .bed, price: 5_000, at: noon.adding(seconds: 13 * hour)))     // 26th 01:00
        try bill.add(ChargeRefund(id: "RF-1", item: "NUR-1", quantity: Quantity(units: 1), time: noon.adding(seconds: 24 * hour)))

        let midnight = bill.daily()
        XCTAssertEqual(midnight.map(\.day.description), ["2026-11-25", "2026-11-26"])
        XCTAssertEqual(midnight.map(\.total.fen), [7_000, 5_000 - 2_000])

        let sixPM = bill.daily(in: BillingCalendar(cutAfterMidnight: 18 * 3_600))
        // A day's bill closes at 18:00: the 19:00 charge and the night's bed go on the 26th's bill.
        XCTAssertEqual(sixPM.map(\.day.description), ["2026-11-25", "2026-11-26"])
        XCTAssertEqual(sixPM.map(\.total.fen), [5_000, 2_000 + 5_000 - 2_000])
        XCTAssertEqual(sixPM.reduce(0) { $0 + $1.total.fen }, bill.total.fen)

        let utc = bill.daily(in: BillingCalendar(timeZone: TimeZone(identifier: "UTC")!))
        XCTAssertEqual(utc.map(\.day.description), ["2026-11-25", "2026-11-26"])
        XCTAssertEqual(utc.map(\.total.fen), [12_000, -2_000])

        // What closing the days brings to credit is what their daily bills add up to.
        for calendar in [BillingCalendar(), BillingCalendar(cutAfterMidnight: 18 * 3_600)] {
            var sum: Int64 = 0
            for day in bill.daily(in: calendar) {
                sum += day.total.fen
                XCTAssertEqual(bill.total(through: day.day, in: calendar).fen, sum, "\(day.day)")
            }
        }
    }

    func testFeeNoticeGroupsByCategoryAndShowsWhoPays() throws {
        var bill = Bill(encounter: "MZ-7")
        try bill.add(item("REG", .registration, price: 2_500))
        try bill.add(item("RX-1", .westernDrug, .b, quantity: "2", price: 3_000))
        try bill.add(item("RX-2", .westernDrug, .c, price: 1_000))
        let split = try SettlementSplit(total: bill.total, fund: Money(fen: 4_000), personalAccount: Money(fen: 1_000),
                                        commercial: Money(fen: 500), credit: Money(fen: 3_000), excess: Money(fen: 1_000))
        let notice = FeeNotice(bill: bill, split: split)
        XCTAssertEqual(notice.categories.map(\.category), [.registration, .westernDrug])
        XCTAssertEqual(notice.categories.map(\.amount.fen), [2_500, 7_000])
        XCTAssertEqual(notice.categories.map(\.classC.fen), [0, 1_000])
        XCTAssertEqual(notice.text, """
            费用告知 就诊号 MZ-7
            挂号费（1项）¥25.00
            西药费（2项）¥70.00
            合计 ¥95.00
            医保统筹支付 ¥40.00
            个人账户支付 ¥10.00
            商业保险支付 ¥5.00
            信用就医（先诊疗后付费）¥30.00
            超出信用额度，请现场支付 ¥10.00
            """)
    }

    func testSplitRefusesPartsThatDoNotAddUp() {
        XCTAssertThrowsError(try SettlementSplit(total: Money(fen: 100), fund: Money(fen: 50), personalAccount: .zero,
                                                 commercial: .zero, credit: Money(fen: 49), excess: .zero))
        XCTAssertThrowsError(try SettlementSplit(total: Money(fen: 100), fund: Money(fen: 150), personalAccount: .zero,
                                                 commercial: .zero, credit: Money(fen: -50), excess: .zero))
    }

    func testABillingDayEndsWhereTheNextBegins() {
        let calendars = [BillingCalendar(), BillingCalendar(cutAfterMidnight: 18 * 3600),
                         BillingCalendar(timeZone: TimeZone(identifier: "UTC") ?? .current, cutAfterMidnight: 7 * 3600 + 30 * 60)]
        for calendar in calendars {
            for step in 0..<120 {
                let time = Timestamp(millisecondsSince1970: 1_795_996_800_000 + Int64(step) * 37 * 60_000)
                let day = calendar.day(of: time)
                let end = calendar.end(of: day)
                XCTAssertLessThan(time, end, "\(calendar) \(day)")
                XCTAssertEqual(calendar.day(of: Timestamp(millisecondsSince1970: end.millisecondsSince1970 - 1)), day)
                XCTAssertGreaterThan(calendar.day(of: end), day)
            }
        }
    }
}
