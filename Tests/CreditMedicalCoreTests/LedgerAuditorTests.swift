@testable import CreditMedicalCore
import CreditMedicalTestSupport
import CreditMedicalTesting
import XCTest

/// Each test breaks one thing in what a store answers and checks that the auditor names the
/// invariant, the line or hold and the journal entry involved.
final class LedgerAuditorTests: XCTestCase {
    private var store: InMemoryLedgerStore!

    override func setUp() async throws {
        store = InMemoryLedgerStore()
        let ledger = Ledger(store: store, clock: ManualClock(Timestamp(millisecondsSince1970: 1_767_225_600_000)))
        try await ledger.execute(.openLine("L1", limit: Money(fen: 100_000)), key: "open")
        try await ledger.execute(.placeHold("H1", line: "L1", amount: Money(fen: 30_000), expiresAt: nil), key: "h1")
        try await ledger.execute(.captureHold("H1", amount: Money(fen: 20_000)), key: "c1")
        try await ledger.execute(.placeHold("H2", line: "L1", amount: Money(fen: 5_000), expiresAt: nil), key: "h2")
        try await ledger.execute(.repay("L1", amount: Money(fen: 7_000)), key: "r1")
    }

    func testAnUntouchedStoreIsClean() throws {
        let report = try LedgerAuditor(store: store).audit()
        XCTAssertTrue(report.isClean, report.description)
        XCTAssertEqual([report.entriesChecked, report.linesChecked, report.holdsChecked], [5, 1, 2])
    }

    func testAStoredBalanceThatDiffersFromTheJournal() throws {
        let report = try audit { $0.lines = $0.lines.map { line in var line = line; line.held.fen += 1; return line } }
        XCTAssertTrue(report.has(.storedMatchesJournal, line: "L1"), report.description)
        XCTAssertTrue(report.has(.conservation, line: "L1"), report.description)
        XCTAssertTrue(report.has(.heldMatchesOpenHolds, line: "L1"), report.description)
    }

    func testANegativeBalance() throws {
        let report = try audit { $0.lines = $0.lines.map { line in var line = line; line.outstanding.fen = -1; return line } }
        XCTAssertTrue(report.has(.nonNegativeBalances, line: "L1"), report.description)
    }

    func testAnOpenHoldThatDoesNotAddUp() throws {
        let report = try audit { $0.holds = $0.holds.map { hold in var hold = hold; if hold.id == "H2" { hold.amount.fen = 4_000 }; return hold } }
        XCTAssertTrue(report.has(.heldMatchesOpenHolds, line: "L1"), report.description)
        XCTAssertTrue(report.has(.storedMatchesJournal, hold: "H2"), report.description)
    }

    func testAMissingHold() throws {
        let report = try audit { $0.holds.removeAll { $0.id == "H1" } }
        XCTAssertTrue(report.has(.storedMatchesJournal, hold: "H1"), report.description)
    }

    func testAJournalEntryTheLedgerWouldReject() throws {
        let report = try audit { journal in
            journal.journal = journal.journal.map { entry in
                guard entry.sequence == 5 else { return entry }
                return entry.replacing(command: .repay("L1", amount: Money(fen: 90_000)))
            }
        }
        XCTAssertTrue(report.has(.rejectedChangesNothing, sequence: 5), report.description)
    }

    func testAHoldThatEndsTwiceAndAKeyUsedTwice() throws {
        let report = try audit { journal in
            let capture = journal.journal[2]
            journal.journal.append(capture.renumbered(6, key: "c2"))
            journal.journal.append(capture.renumbered(7, key: "c1"))
        }
        XCTAssertTrue(report.has(.endsOnceAndKeysOnce, sequence: 6), report.description)
        XCTAssertTrue(report.has(.endsOnceAndKeysOnce, sequence: 7), report.description)
    }

    func testAGapInTheJournal() throws {
        let report = try audit { $0.journal.remove(at: 1) }
        XCTAssertTrue(report.has(.storedMatchesJournal, sequence: 3), report.description)
    }

    /// A writer that commits between the auditor's reads must not look like a violation.
    func testAWriteDuringTheAuditMakesItReadAgainNotReportViolations() throws {
        let busy = BusyStore(store: store, writesDuringAudit: 2)
        let report = try LedgerAuditor(store: busy).audit()
        XCTAssertTrue(report.isClean, report.description)
        XCTAssertEqual(report.entriesChecked, 7)
    }

    func testAStoreThatNeverStopsChangingIsReportedAsSuch() throws {
        var auditor = LedgerAuditor(store: BusyStore(store: store, writesDuringAudit: .max))
        auditor.maximumAttempts = 3
        XCTAssertThrowsError(try auditor.audit()) { error in
            XCTAssertEqual(error as? LedgerAuditError, LedgerAuditError(attempts: 3))
        }
    }

    private func audit(_ tamper: @escaping @Sendable (inout TamperedStore.Content) -> Void) throws -> LedgerAuditReport {
        let report = try LedgerAuditor(store: TamperedStore(store: store, tamper: tamper)).audit()
        XCTAssertFalse(report.isClean)
        return report
    }
}

/// A store whose answers are changed on the way out.
private struct TamperedStore: LedgerStore {
    struct Content {
        var lines: [CreditLine]
        var holds: [Hold]
        var journal: [JournalEntry]
    }

    let store: InMemoryLedgerStore
    let tamper: @Sendable (inout Content) -> Void

    private func content() throws -> Content {
        var content = Content(lines: try store.lines(after: nil, limit: .max), holds: try store.holds(after: nil, limit: .max),
                              journal: try store.journal(line: nil, after: 0, limit: .max))
        tamper(&content)
        return content
    }

    func transact<Result>(loading keys: LedgerStateKeys, _ body: (inout LedgerState) throws -> Result) throws -> Result {
        try store.transact(loading: keys, body)
    }

    func line(_ id: CreditLineID) throws -> CreditLine? { try content().lines.first { $0.id == id } }
    func lines(after: CreditLineID?, limit: Int) throws -> [CreditLine] {
        Array(try content().lines.filter { after == nil || $0.id > after! }.prefix(limit))
    }
    func hold(_ id: HoldID) throws -> Hold? { try content().holds.first { $0.id == id } }
    func holds(on line: CreditLineID) throws -> [Hold] { try content().holds.filter { $0.line == line } }
    func holds(after: HoldID?, limit: Int) throws -> [Hold] {
        Array(try content().holds.filter { after == nil || $0.id > after! }.prefix(limit))
    }
    func openHolds(expiringBy time: Timestamp, limit: Int) throws -> [Hold] { [] }
    func journal(line: CreditLineID?, after: Int64, limit: Int) throws -> [JournalEntry] {
        Array(try content().journal.filter { $0.sequence > after && (line == nil || $0.line == line) }.prefix(limit))
    }
    func entry(for key: IdempotencyKey) throws -> JournalEntry? { try content().journal.first { $0.key == key } }
}

/// A store that commits a repayment of its own each time the auditor starts reading lines, as a
/// concurrent writer would, for the first `writesDuringAudit` times.
private final class BusyStore: ForwardingLedgerStore, @unchecked Sendable {
    let inner: InMemoryLedgerStore
    private var writesLeft: Int
    private var written = 0

    init(store: InMemoryLedgerStore, writesDuringAudit: Int) {
        self.inner = store
        self.writesLeft = writesDuringAudit
    }

    func lines(after: CreditLineID?, limit: Int) throws -> [CreditLine] {
        if after == nil, writesLeft > 0 {
            writesLeft -= 1
            written += 1
            let repay = [LedgerRequest(key: IdempotencyKey("busy-\(written)"), command: .repay("L1", amount: Money(fen: 1)))]
            _ = try inner.transact(loading: LedgerStateKeys(for: repay)) { state in
                LedgerStateMachine.apply(repay, to: &state, at: Timestamp(millisecondsSince1970: 1_767_225_700_000))
            }
        }
        return try inner.lines(after: after, limit: limit)
    }
}

extension LedgerAuditReport {
    fileprivate func has(_ invariant: LedgerInvariant, line: CreditLineID? = nil, hold: HoldID? = nil, sequence: Int64? = nil) -> Bool {
        violations.contains { violation in
            violation.invariant == invariant && (line == nil || violation.line == line)
                && (hold == nil || violation.hold == hold) && (sequence == nil || violation.sequence == sequence)
        }
    }
}

extension JournalEntry {
    fileprivate func replacing(command: LedgerCommand) -> JournalEntry {
        JournalEntry(sequence: sequence, key: key, timestamp: timestamp, command: command, line: line, limitDelta: limitDelta,
                     heldDelta: heldDelta, outstandingDelta: outstandingDelta, lineAfter: lineAfter,
                     holdAmountAfter: holdAmountAfter, holdStateAfter: holdStateAfter)
    }

    fileprivate func renumbered(_ sequence: Int64, key: IdempotencyKey) -> JournalEntry {
        JournalEntry(sequence: sequence, key: key, timestamp: timestamp, command: command, line: line, limitDelta: limitDelta,
                     heldDelta: heldDelta, outstandingDelta: outstandingDelta, lineAfter: lineAfter,
                     holdAmountAfter: holdAmountAfter, holdStateAfter: holdStateAfter)
    }
}
