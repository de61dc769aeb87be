import CreditMedicalCore
import CreditMedicalTestSupport
import CreditMedicalTesting
import Synchronization
import XCTest

/// The overdue job over months on the manual clock, with the Suzhou-style ladder and the standard
/// terms (due 30 days after settlement, 3 days of grace).
final class OverdueJobTests: XCTestCase {
    let fixture = ReceivableFixture()
    let notices = FakeNotificationSender()
    let listing = RecordingListing()
    let bank = FakeCreditProvider()

    var job: OverdueJob { OverdueJob(book: fixture.book, ladder: .suzhouStyle, notices: notices, listing: listing, bank: bank) }

    func run() async throws -> OverdueJob.Report { try await job.run() }

    func kinds() -> [PatientNotificationKind] { notices.delivered(to: "P-1").map(\.kind) }

    func testEachStepComesOnceOnItsDayAndARerunReadsNothing() async throws {
        try await fixture.open("L-1")
        try await fixture.settle("V-1", on: "L-1", fen: 10_000)
        var report = try await run()
        XCTAssertEqual(report.examined, 1, "a new receivable is looked at once")
        let second = try await run()
        XCTAssertEqual(second.examined, 0, "then not again before its first step")
        fixture.advance(days: 27)
        report = try await run()
        XCTAssertEqual(report.taken, [.reminder: 1])
        XCTAssertEqual(notices.delivered.last?.text, "您有100.00元信用就医费用将于3天后到期。100.00 yuan of credit care falls due in 3 days.")
        report = try await run()
        XCTAssertEqual(report.examined, 0)
        fixture.advance(days: 3)
        _ = try await run()
        fixture.advance(days: 3)
        report = try await run()
        XCTAssertEqual(report.examined, 0, "within the grace period nothing happens")
        fixture.advance(days: 1)
        report = try await run()
        XCTAssertEqual(report.taken, [.sms: 1])
        XCTAssertEqual(kinds(), [.repaymentReminder, .repaymentReminder, .overdueText])
        XCTAssertEqual(notices.delivered.map(\.id.rawValue), ["collection/V-1/remind-3", "collection/V-1/remind-0", "collection/V-1/sms-1"])
        XCTAssertEqual(try fixture.store.collectionEvents(of: "V-1").map(\.step), ["remind-3", "remind-0", "sms-1"])
        XCTAssertEqual(try fixture.store.collectionEvents(of: "V-1").last?.daysPastDue, 4)
        for _ in 1...3 {
            report = try await run()
            XCTAssertEqual(report.examined, 0)
        }
        XCTAssertEqual(notices.calls, 3)
        try fixture.assertBooksAgree()
    }

    func testABookThatKnowsTheLadderSchedulesNewReceivablesForTheirFirstStep() async throws {
        let scheduled = ReceivableFixture(ladder: .suzhouStyle)
        try await scheduled.open("L-1")
        try await scheduled.settle("V-1", on: "L-1", fen: 10_000)
        let job = OverdueJob(book: scheduled.book, ladder: .suzhouStyle, notices: notices)
        var report = try await job.run()
        XCTAssertEqual(report.examined, 0, "nothing is due: the job reads nothing")
        XCTAssertEqual(try scheduled.book.statement(of: "L-1").first?.collection.reviewAt,
                       scheduled.clock.now().adding(seconds: 27 * ReceivableFixture.day), "three days before the due date")
        scheduled.advance(days: 27)
        report = try await job.run()
        XCTAssertEqual(report.taken, [.reminder: 1])

        let other = OverdueJob(book: scheduled.book, ladder: .beijingStyle, notices: notices)
        let journal = try scheduled.ledger.journal(for: "L-1").count
        await assertThrows(ReceivableError.Code.ladderMismatch) { try await other.run() }
        XCTAssertEqual(try scheduled.ledger.journal(for: "L-1").count, journal)
        XCTAssertEqual(notices.delivered.count, 1)
    }

    func testALateRunTakesEveryStepButSendsOnlyTheLatestMessage() async throws {
        try await fixture.open("L-1")
        try await fixture.settle("V-1", on: "L-1", fen: 10_000)
        fixture.advance(days: 30 + 65)
        let report = try await run()
        XCTAssertEqual(report.passedOver, 3, "two reminders and the text message")
        XCTAssertEqual(report.taken, [.appMessage: 1, .staffContact: 1, .suspend: 1, .cutLimit: 1])
        XCTAssertEqual(kinds(), [.overdueAppMessage, .staffContact, .creditRestricted, .creditRestricted])
        XCTAssertEqual(try fixture.store.collectionEvents(of: "V-1").map(\.outcome.rawValue),
                       ["passed_over", "passed_over", "passed_over", "taken", "taken", "taken", "taken"])
        let line = try XCTUnwrap(fixture.ledger.line("L-1"))
        XCTAssertTrue(line.status.contains(.suspended))
        XCTAssertEqual(line.limit, Money(fen: 500_000), "cut by half")
        XCTAssertTrue(notices.delivered.last?.text.contains("emergency care is not affected") ?? false)
        try fixture.assertBooksAgree()
    }

    func testEmergencyCareStillLocksWhileCollectionRestrictsTheLine() async throws {
        try await fixture.open("L-1")
        try await fixture.settle("V-1", on: "L-1", fen: 10_000)
        fixture.advance(days: 30 + 31)
        _ = try await run()
        let refused = try await fixture.ledger.submit([LedgerRequest(key: "V-2/lock", command: .placeHold("V-2", line: "L-1", amount: Money(fen: 1_000), expiresAt: nil))])
        guard case .failure(let error) = refused.first else { return XCTFail("a new hold on a suspended line") }
        XCTAssertEqual(error.code, .lineSuspended)
        let emergency = try await fixture.ledger.execute(.lockUpTo("E-1", line: "L-1", target: Money(fen: 50_000), rule: .emergency), key: "E-1/lock")
        XCTAssertEqual(emergency.entry.holdAmountAfter, Money(fen: 50_000), "emergency care passes the suspension")
    }

    func testRepayingEverythingLiftsTheRestrictionsAndOnlyThen() async throws {
        try await fixture.open("L-1")
        try await fixture.settle("V-1", on: "L-1", fen: 10_000)
        fixture.advance(days: 1)
        try await fixture.settle("V-2", on: "L-1", fen: 20_000)
        fixture.advance(days: 30 + 61)
        var report = try await run()
        XCTAssertEqual(report.taken[.suspend], 1, "the line is suspended once")
        XCTAssertEqual(report.taken[.cutLimit], 1, "and cut once, not once per receivable")
        XCTAssertEqual(try fixture.store.collectionEvents(of: "V-2").filter { $0.outcome == .alreadyRestricted }.map(\.step), ["suspend-30", "cut-60"])
        XCTAssertEqual(try fixture.ledger.line("L-1")?.limit, Money(fen: 500_000))

        _ = try await fixture.book.repay(RepaymentRequest(reference: "W-1", line: "L-1", amount: Money(fen: 10_000), channel: .hospitalWindow))
        report = try await run()
        XCTAssertEqual(report.lifted, [], "V-2 is still owed")
        XCTAssertTrue(try XCTUnwrap(fixture.ledger.line("L-1")).status.contains(.suspended))

        _ = try await fixture.book.repay(RepaymentRequest(reference: "W-2", line: "L-1", amount: Money(fen: 20_000), channel: .internetHospital))
        report = try await run()
        XCTAssertEqual(report.lifted, ["L-1"])
        let line = try XCTUnwrap(fixture.ledger.line("L-1"))
        XCTAssertEqual(line.status, [], "resumed")
        XCTAssertEqual(line.limit, Money(fen: 1_000_000), "the cut undone")
        XCTAssertEqual(kinds().last, .restrictionLifted)
        report = try await run()
        XCTAssertEqual(report.examined, 0, "nothing left to do")
        try fixture.assertBooksAgree()
    }

    func testAFailedNoticeIsRepeatedByTheNextRunWithoutDoublingAnything() async throws {
        try await fixture.open("L-1")
        try await fixture.settle("V-1", on: "L-1", fen: 10_000)
        fixture.advance(days: 30 + 31)
        notices.inject(.unavailable)
        var report = try await run()
        XCTAssertEqual(report.failed["V-1"], "adapter.unavailable")
        XCTAssertEqual(report.taken, [:], "a step that did not go through is not counted: the next run takes it")
        XCTAssertEqual(try fixture.store.collectionEvents(of: "V-1"), [], "nothing recorded")
        let journal = try fixture.ledger.journal(for: "L-1").count
        notices.inject(.timeoutAfterApplying)
        report = try await run()
        XCTAssertNotNil(report.failed["V-1"], "the answer was lost")
        report = try await run()
        XCTAssertEqual(report.failed, [:])
        XCTAssertEqual(report.taken, [.appMessage: 1, .staffContact: 1, .suspend: 1], "counted once, by the run that took them")
        XCTAssertEqual(try fixture.ledger.journal(for: "L-1").count, journal, "the suspension was applied once")
        XCTAssertEqual(notices.delivered.map(\.kind), [.overdueAppMessage, .staffContact, .creditRestricted], "each once")
        XCTAssertEqual(try fixture.store.collectionEvents(of: "V-1").filter { $0.outcome == .taken }.map(\.step), ["app-7", "staff-15", "suspend-30"])
    }

    func testTheBankAndTheArrearsListTakeTheirStepsOnceAndAreRecordedAsNotConfiguredWithout() async throws {
        try await fixture.open("L-1")
        try await fixture.open("L-2", holder: "P-2")
        try await fixture.settle("V-1", on: "L-1", fen: 10_000)
        try await fixture.settle("V-2", on: "L-2", fen: 10_000)
        fixture.advance(days: 30 + 121)
        _ = try await run()
        _ = try await run()
        XCTAssertEqual(listing.listed, ["collection/V-1/list-120 P-1 10000", "collection/V-2/list-120 P-2 10000"])
        XCTAssertEqual(bank.handovers.map(\.hold), ["V-1", "V-2"], "handed over to the bank's collection once each")
        XCTAssertEqual(bank.handovers.map(\.daysPastDue), [121, 121])
        XCTAssertEqual(bank.handovers.first?.requestID, "collection/V-1/bank-90")
        XCTAssertEqual(try fixture.ledger.line("L-1")?.status.contains(.frozen), false, "the ladder has no freeze")

        let unlisted = ReceivableFixture()
        try await unlisted.open("L-1")
        try await unlisted.settle("V-1", on: "L-1", fen: 10_000)
        unlisted.advance(days: 30 + 121)
        _ = try await OverdueJob(book: unlisted.book, ladder: .suzhouStyle, notices: FakeNotificationSender()).run()
        XCTAssertEqual(try unlisted.store.collectionEvents(of: "V-1").suffix(2).map(\.outcome), [.notConfigured, .notConfigured],
                       "no bank to hand over to, no list")
    }
}

/// A `CollectionListing` that records whom it listed, each id once.
final class RecordingListing: CollectionListing {
    private let entries = Mutex<[String]>([])

    var listed: [String] { entries.withLock { $0.sorted() } }

    func list(_ receivable: Receivable, holder: String?, rule: String, id: String, at time: Timestamp) async throws {
        entries.withLock { entries in
            let entry = "\(id) \(holder ?? "-") \(receivable.owed.fen)"
            if !entries.contains(entry) { entries.append(entry) }
        }
    }

    func isListed(_ line: CreditLineID) async throws -> Bool { false }
}
