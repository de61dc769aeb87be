import CreditMedicalCore
import CreditMedicalTestSupport
import CreditMedicalTesting
import XCTest

/// An entry is removed only once its line owes nothing and the cooling period has passed since
/// full repayment; the removal leaves a credit-repair record that puts the line on probation.
final class ArrearsRemovalTests: XCTestCase {
    let day = ArrearsFixture.day

    func testRemovalWaitsForFullRepaymentAndTheCoolingPeriodThenLiftsEverything() async throws {
        let fixture = ArrearsFixture(coolingDays: 30)
        try await fixture.openLine(owing: 30_000)
        try await fixture.list.list(fixture.listing("E-1"))
        try await fixture.list.pushPending()

        let owing = await assertThrows(ArrearsError.Code.balanceRemains) { try await fixture.list.remove("E-1") }
        XCTAssertEqual((owing as? ArrearsError)?.context, ["outstanding": "30000"])
        fixture.clock.advance(seconds: 5 * day)
        try await fixture.repay(20_000, key: "repay-1")
        await assertThrows(ArrearsError.Code.balanceRemains) { try await fixture.list.remove("E-1") }
        fixture.clock.advance(seconds: 5 * day)
        try await fixture.repay(10_000, key: "repay-2")
        let repaidAt = fixture.clock.now()

        fixture.clock.advance(seconds: 30 * day - 1)
        let cooling = await assertThrows(ArrearsError.Code.coolingPeriod) { try await fixture.list.remove("E-1") }
        let removableAt = repaidAt.adding(seconds: 30 * day)
        XCTAssertEqual((cooling as? ArrearsError)?.context, [
            "cooling_days": "30", "repaid_at": "\(repaidAt.millisecondsSince1970)", "removable_at": "\(removableAt.millisecondsSince1970)",
        ])
        XCTAssertEqual(try fixture.list.entry("E-1")?.state, .listed, "nothing changed")
        XCTAssertEqual(try fixture.status(), .frozen)

        fixture.clock.advance(seconds: 1)
        let removed = try await fixture.list.remove("E-1")
        XCTAssertEqual(removed.state, .removed)
        XCTAssertEqual(removed.repair, CreditRepair(line: "L-1", repaidAt: repaidAt, coolingDays: 30))
        XCTAssertEqual(removed.removedAt, removableAt)
        XCTAssertEqual(try fixture.status(), [])
        let again = try await fixture.list.remove("E-1")
        XCTAssertEqual(again, removed, "removing again returns the entry")
        XCTAssertEqual(try fixture.list.repairedAt(line: "L-1"), removableAt)

        let pushed = try await fixture.list.pushPending()
        XCTAssertEqual(pushed.delivered, ["hospital-a/E-1/lift"])
        let listings = try await fixture.registry.listings(of: "S-P-1")
        XCTAssertEqual(listings, [], "lifted in the registry")
        let standing = try await fixture.list.standing(of: "P-1", subject: "S-P-1")
        XCTAssertFalse(standing.isListed)
    }

    func testTheCoolingPeriodCountsFromTheListingWhenTheLineWasRepaidBefore() async throws {
        let fixture = ArrearsFixture(coolingDays: 7)
        try await fixture.openLine(owing: 30_000)
        try await fixture.repay(30_000, key: "repay")
        fixture.clock.advance(seconds: 10 * day)
        let listedAt = fixture.clock.now()
        try await fixture.list.list(fixture.listing("E-1"))
        fixture.clock.advance(seconds: 6 * day)
        let cooling = await assertThrows(ArrearsError.Code.coolingPeriod) { try await fixture.list.remove("E-1") }
        XCTAssertEqual((cooling as? ArrearsError)?.context["repaid_at"], "\(listedAt.millisecondsSince1970)")
        fixture.clock.advance(seconds: day)
        let removed = try await fixture.list.remove("E-1")
        XCTAssertEqual(removed.state, .removed)
    }

    func testAMemberLineIsRemovedOnWhatItOwesAndAGuarantorLineOnWhatItGuarantees() async throws {
        let fixture = ArrearsFixture(coolingDays: 0)
        try await fixture.openLine("G", owing: 10_000)
        try await fixture.ledger.execute(.openMemberLine("M", guarantor: "G", cap: Money(fen: 50_000)), key: "member")
        try await fixture.ledger.execute(.placeHold("visit/M", line: "M", amount: Money(fen: 20_000), expiresAt: nil), key: "hold/M")
        try await fixture.ledger.execute(.captureHold("visit/M", amount: Money(fen: 20_000)), key: "capture/M")
        try await fixture.list.list(fixture.listing("E-M", patient: "P-M", line: "M"))
        try await fixture.list.list(fixture.listing("E-G", patient: "P-G", line: "G"))

        try await fixture.repay(20_000, on: "M", key: "repay/M")
        let member = try await fixture.list.remove("E-M")
        XCTAssertEqual(member.state, .removed, "the member owes nothing; the guarantor's own debt is not the member's")
        let guarantor = await assertThrows(ArrearsError.Code.balanceRemains) { try await fixture.list.remove("E-G") }
        XCTAssertEqual((guarantor as? ArrearsError)?.context, ["outstanding": "10000"])
        try await fixture.repay(10_000, on: "G", key: "repay/G")
        let removed = try await fixture.list.remove("E-G")
        XCTAssertEqual(removed.repair?.repaidAt, fixture.clock.now())
    }

    func testARepairPutsTheLineOnProbationAtItsNextReview() async throws {
        let enrollment = EnrollmentFixture()
        let request = try enrollment.applicant("P-1", months: 48)
        _ = try await enrollment.enrollment.enroll(request)
        let fixture = ArrearsFixture(coolingDays: 30, clock: enrollment.clock, ledger: enrollment.ledger)
        try await enrollment.ledger.execute(.placeHold("visit-1", line: request.line, amount: Money(fen: 30_000), expiresAt: nil), key: "h")
        try await enrollment.ledger.execute(.captureHold("visit-1", amount: Money(fen: 30_000)), key: "c")
        try await fixture.list.list(fixture.listing("E-1", line: request.line))
        fixture.clock.advance(seconds: 100 * day)
        try await fixture.repay(30_000, on: request.line, key: "repay")
        fixture.clock.advance(seconds: 30 * day)
        try await fixture.list.remove("E-1")

        let record = try fixture.list.repaymentRecord(RepaymentRecord(onTimeInTwelveMonths: 3), of: request.line)
        XCTAssertEqual(record.repairedAt, fixture.clock.now())
        XCTAssertEqual(record.onTimeInTwelveMonths, 3)
        let subject = try XCTUnwrap(LimitReview.Subject(steps: enrollment.steps.steps(of: request.id), repayment: record))
        let review = LimitReview(policy: .suzhouStyle, limits: .xiamenStyle, ledger: enrollment.ledger, store: enrollment.steps,
                                 notices: FakeNotificationSender())
        let report = await review.run([subject])
        XCTAssertEqual(report.changes[request.id]?.action, .probation)
        XCTAssertEqual(try enrollment.ledger.line(request.line)?.limit, Money(fen: 1_000_000), "the lowest tier's ¥10,000 caps 30 % of ¥50,000")
        XCTAssertEqual(try enrollment.ledger.line(request.line)?.status, [], "the line is usable again, on probation")
    }
}
