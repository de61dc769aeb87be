import CreditMedicalCore
import CreditMedicalTesting
import XCTest

final class BankLineSyncTests: XCTestCase {
    let clock = ManualClock(Timestamp(millisecondsSince1970: 1_795_996_800_000))
    let bank = FakeCreditProvider()
    lazy var ledger = Ledger(store: InMemoryLedgerStore(), clock: clock)
    lazy var sync = BankLineSync(ledger: ledger, bank: bank)

    /// L1: limit ¥100.00, ¥60.00 held by an open visit and ¥20.00 owed.
    private func lineInUse() async throws {
        try await ledger.execute(.openLine("L1", limit: Money(fen: 10_000)), key: "open")
        try await ledger.execute(.placeHold("H-owed", line: "L1", amount: Money(fen: 2_000), expiresAt: nil), key: "owed-hold")
        try await ledger.execute(.captureHold("H-owed", amount: Money(fen: 2_000)), key: "owed")
        try await ledger.execute(.placeHold("H-open", line: "L1", amount: Money(fen: 6_000), expiresAt: nil), key: "open-hold")
    }

    func testALimitLoweredBelowWhatTheLineUsesFreezesNewHoldsAndLosesNothing() async throws {
        try await lineInUse()
        bank.grant("L1", limit: Money(fen: 5_000))
        let report = await sync.sync(["L1"])
        XCTAssertEqual(report.limits, ["L1": Money(fen: 5_000)])
        XCTAssertEqual(report.failed, [:])
        let line = try XCTUnwrap(try ledger.line("L1"))
        XCTAssertEqual(line.limit, Money(fen: 5_000))
        XCTAssertEqual(line.available, .zero, "never below zero")
        do {
            try await ledger.execute(.placeHold("H-new", line: "L1", amount: Money(fen: 1), expiresAt: nil), key: "new")
            XCTFail("a new hold on a line over its limit")
        } catch {
            XCTAssertTrue(LedgerError.Code.insufficientAvailable ~= error, "\(error)")
        }
        try await ledger.execute(.captureHold("H-open", amount: Money(fen: 6_000)), key: "settle")
        XCTAssertEqual(try ledger.line("L1")?.outstanding, Money(fen: 8_000), "the open visit settles in full")
        try await ledger.execute(.repay("L1", amount: Money(fen: 4_000)), key: "repaid")
        XCTAssertEqual(try ledger.line("L1")?.available, Money(fen: 1_000), "repayments bring it back under the new limit")
    }

    func testARaisedLimitAndAStoppedLineAreApplied() async throws {
        try await lineInUse()
        bank.grant("L1", limit: Money(fen: 30_000), usable: false)
        let report = await sync.sync(["L1"])
        XCTAssertEqual(report.limits, ["L1": Money(fen: 30_000)])
        XCTAssertEqual(report.suspended, ["L1"])
        XCTAssertTrue(try XCTUnwrap(try ledger.line("L1")).status.contains(.suspended))
        bank.grant("L1", limit: Money(fen: 30_000), usable: true)
        let later = await sync.sync(["L1"])
        XCTAssertEqual(later.usableAgain, ["L1"], "reported, not resumed: the suspension may have other reasons")
        XCTAssertTrue(try XCTUnwrap(try ledger.line("L1")).status.contains(.suspended))
    }

    func testRunningAgainChangesNothingMore() async throws {
        try await lineInUse()
        bank.grant("L1", limit: Money(fen: 8_000))
        _ = await sync.sync(["L1"])
        let entries = try ledger.journal(for: "L1").count
        let again = await sync.sync(["L1"])
        XCTAssertEqual(again, BankLineSync.Report())
        XCTAssertEqual(try ledger.journal(for: "L1").count, entries)
        let last = try XCTUnwrap(try ledger.journal(for: "L1").last)
        XCTAssertTrue(last.key.rawValue.hasPrefix("bank-line-sync/L1/"), "the key names the cause")
        XCTAssertEqual(last.command, .adjustLimit("L1", to: Money(fen: 8_000), reason: "bank line sync"), "the journal keeps the reason")
    }

    func testABankThatDoesNotAnswerOrALineTheLedgerLacksChangesNothingAndTheOthersGoOn() async throws {
        try await lineInUse()
        try await ledger.execute(.openLine("L2", limit: Money(fen: 10_000)), key: "open-2")
        bank.grant("L1", limit: Money(fen: 5_000))
        bank.grant("L2", limit: Money(fen: 20_000))
        bank.grant("L9", limit: Money(fen: 20_000))
        bank.inject(.unavailable)
        let report = await sync.sync(["L1", "L9", "L2"])
        XCTAssertEqual(report.failed, ["L1": "adapter.unavailable", "L9": "ledger.line_not_found"])
        XCTAssertEqual(report.limits, ["L2": Money(fen: 20_000)])
        XCTAssertEqual(try ledger.line("L1")?.limit, Money(fen: 10_000))
    }

    func testThePeriodicJobSyncsEveryOpenBankLinePageByPageAndLeavesMembersAndClosedLinesAlone() async throws {
        for index in 1...5 {
            try await ledger.execute(.openLine(CreditLineID("L\(index)"), limit: Money(fen: 10_000)), key: IdempotencyKey("open-\(index)"))
            bank.grant(CreditLineID("L\(index)"), limit: Money(fen: 20_000 + Int64(index)))
        }
        try await ledger.execute(.openMemberLine("L1~child", guarantor: "L1", cap: Money(fen: 1_000)), key: "member")
        try await ledger.execute(.closeLine("L5"), key: "closed")
        let report = try await sync.syncAll(pageSize: 2)
        XCTAssertEqual(report.limits, ["L1": Money(fen: 20_001), "L2": Money(fen: 20_002), "L3": Money(fen: 20_003), "L4": Money(fen: 20_004)])
        XCTAssertEqual(report.failed, [:], "the member line and the closed line are not asked about")
        XCTAssertEqual(try ledger.line("L1~child")?.limit, Money(fen: 1_000))
        let again = try await sync.syncAll(pageSize: 2)
        XCTAssertEqual(again.limits, [:], "running again changes nothing more")
    }
}
