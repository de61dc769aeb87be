import CreditMedicalCore
import CreditMedicalTesting
import XCTest

/// `LockRule.emergency` locks what a suspended or frozen line (or guarantor) has available; the
/// other rules lock nothing there.
final class EmergencyLockTests: XCTestCase {
    func testAMemberLinesEmergencyLocksOnASuspendedGuarantorWithinTheCap() async throws {
        let ledger = Ledger(store: InMemoryLedgerStore(), clock: ManualClock(Timestamp(millisecondsSince1970: 1_795_996_800_000)))
        try await ledger.execute(.openLine("G", limit: Money(fen: 100_000)), key: "g")
        try await ledger.execute(.openMemberLine("M", guarantor: "G", cap: Money(fen: 30_000)), key: "m")
        try await ledger.execute(.suspendLine("G"), key: "review")
        let refused = try await ledger.execute(.lockUpTo("H1", line: "M", target: Money(fen: 10_000), rule: .asMuchAsAvailable), key: "l1")
        XCTAssertNil(refused.entry.holdAmountAfter)
        let emergency = try await ledger.execute(.lockUpTo("H2", line: "M", target: Money(fen: 50_000), rule: .emergency), key: "l2")
        XCTAssertEqual(emergency.entry.holdAmountAfter, Money(fen: 30_000), "the member's cap still caps it")
        XCTAssertEqual(try ledger.line("G")?.held, Money(fen: 30_000))
        try await ledger.execute(.freezeLine("M"), key: "listed")
        let frozen = try await ledger.execute(.lockUpTo("H3", line: "G", target: Money(fen: 80_000), rule: .emergency), key: "l3")
        XCTAssertEqual(frozen.entry.holdAmountAfter, Money(fen: 70_000))
        XCTAssertTrue(try LedgerAuditor(store: ledger.store).audit().isClean)
    }
}
