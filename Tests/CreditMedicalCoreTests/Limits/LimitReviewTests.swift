import CreditMedicalCore
import CreditMedicalTesting
import XCTest

/// The review job over months on the manual clock, with the Suzhou-style review and Xiamen-style
/// tiers (C 50 % ≤ ¥10,000, B 80 % ≤ ¥30,000, A 100 % ≤ ¥50,000) on a bank line of ¥50,000.
final class LimitReviewTests: XCTestCase {
    let day: Int64 = 86_400
    let fixture = EnrollmentFixture()
    let notices = FakeNotificationSender()
    var request: EnrollmentRequest!

    override func setUp() async throws {
        request = try fixture.applicant("P-1", months: 48)
        _ = try await fixture.enrollment.enroll(request)
    }

    var review: LimitReview {
        LimitReview(policy: .suzhouStyle, limits: .xiamenStyle, ledger: fixture.ledger, store: fixture.steps, notices: notices)
    }

    func subject(_ record: RepaymentRecord) throws -> LimitReview.Subject {
        try XCTUnwrap(LimitReview.Subject(steps: fixture.steps.steps(of: request.id), repayment: record))
    }

    func run(_ record: RepaymentRecord) async throws -> LimitReview.Report {
        await review.run([try subject(record)])
    }

    var limit: Money? { get throws { try fixture.ledger.line(request.line)?.limit } }

    func testOnTimeRepaymentsRaiseTheTierOnceItHasStoodHalfAYear() async throws {
        let onTime = RepaymentRecord(onTimeInTwelveMonths: 6)
        fixture.clock.advance(seconds: 30 * day)
        var report = try await run(onTime)
        XCTAssertEqual(report.changes, [:], "a tier stands half a year before it is raised")
        let fewer = try await run(RepaymentRecord(onTimeInTwelveMonths: 5))
        XCTAssertEqual(fewer.changes, [:])
        fixture.clock.advance(seconds: 151 * day)
        report = try await run(onTime)
        XCTAssertEqual(report.changes[request.id]?.action, .raise)
        XCTAssertEqual(try limit, Money(fen: 5_000_000), "A: the bank's whole line")
        let entry = try XCTUnwrap(fixture.ledger.journal(for: request.line).last)
        guard case .adjustLimit(_, _, let reason) = entry.command else { return XCTFail("\(entry.command)") }
        XCTAssertEqual(reason, "review raise to A: 6 on-time repayments in twelve months: limit raised")
        XCTAssertEqual(notices.delivered(to: "P-1").map(\.kind), [.limitReviewed])
        XCTAssertEqual(notices.delivered.first?.text, "十二个月内按时还款6次，额度上调，信用额度为50,000.00元。6 on-time repayments in twelve months: limit raised: limit 50,000.00 yuan.")
        guard case .open(let grant) = try fixture.enrollment.status(of: request.id) else { return XCTFail() }
        XCTAssertEqual(grant.tier, "A")

        for _ in 1...3 {
            let again = try await run(onTime)
            XCTAssertEqual(again.changes, [:], "running again changes nothing more")
        }
        fixture.clock.advance(seconds: 400 * day)
        let report53 = try await run(onTime)
        XCTAssertEqual(report53.changes, [:], "A is the top tier")
        XCTAssertEqual(notices.delivered.count, 1)
    }

    func testALatePaymentLowersOnceAndAVeryLateOneSuspends() async throws {
        fixture.clock.advance(seconds: 40 * day)
        let late = RepaymentRecord(onTimeInTwelveMonths: 9, lastLate: .init(at: fixture.clock.now(), daysLate: 3))
        let report61 = try await run(late)
        XCTAssertEqual(report61.changes[request.id]?.tier, "C")
        XCTAssertEqual(try limit, Money(fen: 1_000_000))
        fixture.clock.advance(seconds: 200 * day)
        let report65 = try await run(late)
        XCTAssertEqual(report65.changes, [:], "the same late payment lowers once, and blocks a raise for a year")
        let veryLate = RepaymentRecord(onTimeInTwelveMonths: 9, lastLate: .init(at: fixture.clock.now(), daysLate: 45))
        let report68 = try await run(veryLate)
        XCTAssertEqual(report68.changes[request.id]?.action, .suspend)
        XCTAssertEqual(try fixture.ledger.line(request.line)?.status, .suspended)
        XCTAssertEqual(try limit, Money(fen: 1_000_000), "a suspension keeps the limit")
        XCTAssertEqual(notices.delivered.count, 2)
    }

    func testARepairedLineStartsOnProbationAndEarnsItsWayBack() async throws {
        fixture.clock.advance(seconds: 10 * day)
        let repaired = RepaymentRecord(onTimeInTwelveMonths: 0, repairedAt: fixture.clock.now())
        let report78 = try await run(repaired)
        XCTAssertEqual(report78.changes[request.id]?.tier, ReviewPolicy.probationTier)
        XCTAssertEqual(try limit, Money(fen: 1_000_000), "30 % of the bank's line, at most the lowest tier's ¥10,000")
        fixture.clock.advance(seconds: 181 * day)
        let since = RepaymentRecord(onTimeInTwelveMonths: 6, repairedAt: Timestamp(millisecondsSince1970: 0))
        let report83 = try await run(since)
        XCTAssertEqual(report83.changes[request.id]?.tier, "C", "out of probation into the lowest tier")
    }

    func testAFailedNoticeOrStoreIsRepeatedByTheNextRunWithoutDoublingAnything() async throws {
        fixture.clock.advance(seconds: 40 * day)
        let late = RepaymentRecord(onTimeInTwelveMonths: 0, lastLate: .init(at: fixture.clock.now(), daysLate: 3))
        notices.inject(.unavailable)
        var report = try await run(late)
        XCTAssertEqual(report.failed, [request.id: "adapter.unavailable"])
        XCTAssertEqual(try limit, Money(fen: 1_000_000), "the ledger changed first")
        fixture.steps.failAppend(fixture.steps.appends + 1)
        report = try await run(late)
        XCTAssertEqual(report.failed[request.id], "adapter.unavailable", "the store failed this time")
        report = try await run(late)
        XCTAssertEqual(report.changes[request.id]?.tier, "C")
        XCTAssertEqual(try fixture.ledger.journal(for: request.line).count, 2, "opened, lowered once")
        XCTAssertEqual(notices.delivered.count, 1, "delivered once under one id")
        let again = try await run(late)
        XCTAssertEqual(again.changes, [:])
    }

    func testAReviewPolicyIsValidatedOnLoad() throws {
        XCTAssertEqual(try ReviewPolicy(json: ReviewPolicy.suzhouStyle.json()), .suzhouStyle)
        var broken = ReviewPolicy.suzhouStyle
        broken.daysLateToSuspend = 0
        XCTAssertThrowsError(try ReviewPolicy(json: broken.json())) { error in
            XCTAssertEqual((error as? PolicyError)?.context["path"], "daysLateToSuspend")
        }
        let unknown = String(decoding: ReviewPolicy.suzhouStyle.json(), as: UTF8.self).replacingOccurrences(of: "\"id\"", with: "\"raise\" : 1, \"id\"")
        XCTAssertThrowsError(try ReviewPolicy(json: Data(unknown.utf8))) { error in
            XCTAssertEqual((error as? PolicyError)?.code, .invalidPolicy, "\(error)")
        }
    }
}
