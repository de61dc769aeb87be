import CreditMedicalCore
import CreditMedicalTestSupport
import CreditMedicalTesting
import XCTest

/// The patient is told of the listing, of each appeal's decision and of the removal, each once:
/// a call whose notice failed is finished by making it again.
final class ArrearsNoticeTests: XCTestCase {
    let fixture = ArrearsFixture(coolingDays: 30)

    func testThePatientIsToldOfTheListingEachDecisionAndTheRemovalOnce() async throws {
        try await fixture.openLine(owing: 30_000)
        fixture.notices.inject(.unavailable)
        await assertThrows(AdapterError.Code.unavailable) { try await self.fixture.list.list(self.fixture.listing("E-1")) }
        XCTAssertEqual(try fixture.list.entry("E-1")?.state, .listed, "recorded before the notice")
        XCTAssertEqual(try fixture.status(), .frozen)
        try await fixture.list.list(fixture.listing("E-1"))
        try await fixture.list.list(fixture.listing("E-1"))
        XCTAssertEqual(fixture.notices.delivered.map(\.id), ["arrears/E-1/listed"], "told once")
        XCTAssertEqual(fixture.notices.delivered.first?.kind, .arrears)
        XCTAssertEqual(fixture.notices.delivered.first?.patient, "P-1")
        XCTAssertEqual(fixture.notices.delivered.first?.text,
                       "您因逾期90天未还款被hospital-a列入欠费名单，欠款300.00元，暂停信用就医（急诊不受影响）。还清后经30天可移出；如有异议可提出申诉。"
                       + "You are on hospital-a's arrears list: 90 days overdue; 300.00 yuan owed. Credit care is stopped (emergencies excepted). "
                       + "Once repaid in full, the entry is removed after 30 days; you may appeal.")

        try fixture.list.appeal(ArrearsAppeal(id: "A-1", submittedBy: "agent-2", statement: ""), against: "E-1")
        try fixture.list.startReview(of: "A-1", on: "E-1", reviewer: "staff-1")
        let upheld = ArrearsDecision(appeal: "A-1", reviewer: "staff-1", outcome: .upheld, reason: .init(chinese: "证据不足", english: "no evidence"))
        try await fixture.list.decide(upheld, on: "E-1")
        try await fixture.list.decide(upheld, on: "E-1")
        XCTAssertEqual(fixture.notices.delivered.last?.text, "您的申诉未获支持：证据不足。Your appeal was turned down: no evidence.")
        XCTAssertEqual(fixture.notices.delivered.last?.patient, "P-1", "the patient is told, not the agent who appealed")

        try await fixture.repay(30_000, key: "repay")
        fixture.clock.advance(seconds: 30 * ArrearsFixture.day)
        fixture.notices.inject(.timeoutAfterApplying)
        await assertThrows(AdapterError.Code.timeout) { try await self.fixture.list.remove("E-1") }
        try await fixture.list.remove("E-1")
        XCTAssertEqual(fixture.notices.delivered.map(\.id), ["arrears/E-1/listed", "arrears/E-1/appeal/A-1", "arrears/E-1/removed"])
    }
}
