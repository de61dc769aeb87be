@testable import CreditMedicalCore
import CreditMedicalTestSupport
import CreditMedicalTesting
import XCTest

/// Member lines (a family member's cap on a guarantor's line) through the state machine: what
/// opening one refuses, how holds and repayments move both lines, and what the auditor checks.
final class MemberLineTests: XCTestCase {
    private let store = InMemoryLedgerStore()
    private lazy var ledger = Ledger(store: store, clock: ManualClock(Timestamp(millisecondsSince1970: 1_795_996_800_000)))

    private func fen(_ value: Int64) -> Money { Money(fen: value) }

    /// A guarantor line G (limit 100,000) with members M1 (cap 60,000) and M2 (cap 50,000).
    private func family() async throws {
        try await ledger.execute(.openLine("G", limit: fen(100_000)), key: "open-G")
        try await ledger.execute(.openMemberLine("M1", guarantor: "G", cap: fen(60_000)), key: "open-M1")
        try await ledger.execute(.openMemberLine("M2", guarantor: "G", cap: fen(50_000)), key: "open-M2")
    }

    private func balances(_ id: CreditLineID) throws -> [Int64] {
        let line = try XCTUnwrap(try store.line(id))
        return [line.limit.fen, line.held.fen, line.outstanding.fen, line.membersOutstanding.fen]
    }

    /// Submits `command`, expects `code`, and checks that nothing changed.
    private func expectRejection(_ code: LedgerError.Code, _ command: LedgerCommand, line: UInt = #line) async throws {
        let before = try store.lines(after: nil, limit: .max)
        let result = try await ledger.submit([LedgerRequest(key: "refused", command: command)])[0]
        XCTAssertEqual(result.failure?.code, code, "\(command)", line: line)
        XCTAssertEqual(try store.lines(after: nil, limit: .max), before, "\(command) changed a line", line: line)
    }

    func testOpeningAMemberLineRefusesBadGuarantorsAndCaps() async throws {
        try await family()
        XCTAssertEqual(try store.line("M1")?.guarantor, "G")
        try await expectRejection(.lineNotFound, .openMemberLine("M3", guarantor: "nobody", cap: fen(1)))
        try await expectRejection(.guarantorIsMemberLine, .openMemberLine("M3", guarantor: "M1", cap: fen(1)))
        try await expectRejection(.capAboveLine, .openMemberLine("M3", guarantor: "G", cap: fen(100_001)))
        try await expectRejection(.capAboveLine, .adjustLimit("M1", to: fen(100_001)))
        try await expectRejection(.invalidAmount, .openMemberLine("M3", guarantor: "G", cap: fen(-1)))
        try await ledger.execute(.adjustLimit("M1", to: fen(100_000)), key: "raise-M1")
        try await ledger.execute(.openLine("C", limit: fen(10)), key: "open-C")
        try await ledger.execute(.closeLine("C"), key: "close-C")
        try await expectRejection(.lineClosed, .openMemberLine("M3", guarantor: "C", cap: fen(1)))
        XCTAssertEqual(try store.memberLines(of: "G").map(\.id), ["M1", "M2"])
    }

    func testMemberHoldsLockWithinTheirCapAndTheGuarantorsAvailable() async throws {
        try await family()
        try await ledger.execute(.placeHold("H1", line: "M1", amount: fen(60_000), expiresAt: nil), key: "h1")
        XCTAssertEqual(try balances("G"), [100_000, 60_000, 0, 0])
        try await expectRejection(.insufficientAvailable, .increaseHold("H1", by: fen(1)))
        // M2 has 50,000 of its own but the guarantor only 40,000.
        try await expectRejection(.insufficientAvailable, .placeHold("H2", line: "M2", amount: fen(40_001), expiresAt: nil))
        let locked = try await ledger.execute(.lockUpTo("H2", line: "M2", target: fen(50_000), rule: .asMuchAsAvailable), key: "h2")
        XCTAssertEqual(locked.entry.holdAmountAfter, fen(40_000))
        XCTAssertEqual(locked.entry.guarantor, GuarantorMovement(line: "G", limit: fen(100_000), heldAfter: fen(100_000), outstandingAfter: .zero))
        XCTAssertEqual(locked.available, .zero, "the member's cap has 10,000 left, the guarantor nothing")
        try await ledger.execute(.decreaseHold("H2", by: fen(10_000)), key: "h2-")
        try await ledger.execute(.freezeLine("G"), key: "freeze")
        try await expectRejection(.lineFrozen, .increaseHold("H2", by: fen(1)))
        let none = try await ledger.execute(.lockUpTo("H3", line: "M2", target: fen(1), rule: .asMuchAsAvailable), key: "h3")
        XCTAssertNil(none.entry.holdAmountAfter, "a frozen guarantor locks nothing for its members")
        try await ledger.execute(.voidHold("H2"), key: "void")
        XCTAssertEqual(try balances("G"), [100_000, 60_000, 0, 0])
        XCTAssertEqual(try balances("M2"), [50_000, 0, 0, 0])
        let report = try LedgerAuditor(store: store).audit()
        XCTAssertTrue(report.isClean, report.description)
    }

    func testRepaymentsKeepTheMembersPartApart() async throws {
        try await family()
        try await ledger.execute(.placeHold("H1", line: "M1", amount: fen(30_000), expiresAt: nil), key: "h1")
        try await ledger.execute(.placeHold("HG", line: "G", amount: fen(10_000), expiresAt: nil), key: "hg")
        try await ledger.execute(.captureHold("H1", amount: fen(25_000)), key: "c1")
        try await ledger.execute(.captureHold("HG", amount: fen(10_000)), key: "cg")
        XCTAssertEqual(try balances("G"), [100_000, 0, 35_000, 25_000])
        XCTAssertEqual(try balances("M1"), [60_000, 0, 25_000, 0])
        try await expectRejection(.owedByMembers, .repay("G", amount: fen(10_001)))
        try await ledger.execute(.repay("G", amount: fen(5_000)), key: "repay-G")
        // The guarantor's own capture was 10,000, of which 5,000 is still owed: only that can be reversed.
        try await expectRejection(.overRepayment, .reverseCapture("HG", amount: fen(5_001)))
        try await ledger.execute(.reverseCapture("HG", amount: fen(5_000)), key: "reverse-G")
        let forMember = try await ledger.execute(.repay("M1", amount: fen(5_000)), key: "repay-M1")
        XCTAssertEqual(forMember.entry.guarantor?.outstandingAfter, fen(20_000))
        try await ledger.execute(.reverseCapture("H1", amount: fen(5_000)), key: "reverse")
        XCTAssertEqual(try balances("G"), [100_000, 0, 15_000, 15_000])
        let refused = try await ledger.submit([LedgerRequest(key: "close", command: .closeLine("M1"))])[0]
        XCTAssertEqual(refused.failure?.code, .lineInUse)
        XCTAssertEqual(refused.failure?.context, ["held": "0", "outstanding": "15000"], "the refusal says what remains")
        try await ledger.execute(.repay("M1", amount: fen(15_000)), key: "repay-rest")
        try await ledger.execute(.closeLine("M1"), key: "close")
        XCTAssertEqual(try balances("G"), [100_000, 0, 0, 0])
        let report = try LedgerAuditor(store: store).audit()
        XCTAssertTrue(report.isClean, report.description)
    }

    func testTheStateMachineAssertsThatTheGuarantorMovesWithTheMember() throws {
        let now = Timestamp(millisecondsSince1970: 1_795_996_800_000)
        let state = LedgerState(lines: [
            CreditLine(id: "G", limit: fen(1_000), held: fen(300), openedAt: now, updatedAt: now),
            CreditLine(id: "M", limit: fen(500), held: fen(300), openedAt: now, updatedAt: now, guarantor: "G"),
        ], holds: [Hold(id: "H", line: "M", amount: fen(300), placedAt: now)])
        let capture = LedgerCommand.captureHold("H", amount: fen(200))
        let decided = try Transition.decide(capture, in: state, at: now)
        XCTAssertNil(decided.invariantViolation(of: capture, in: state))
        XCTAssertEqual(decided.guarantor?.after.outstanding, fen(200))
        var apart = decided
        apart.guarantor?.after.held.fen += 1
        XCTAssertEqual(apart.invariantViolation(of: capture, in: state), "the guarantor moved apart from the member line")
        var unmarked = decided
        unmarked.guarantor?.membersOutstandingAfter = .zero
        XCTAssertEqual(unmarked.invariantViolation(of: capture, in: state), "the guarantor moved apart from the member line")
        let withoutGuarantor = LedgerState(lines: [state.lines["M"]].compactMap(\.self), holds: [state.holds["H"]].compactMap(\.self))
        XCTAssertThrowsError(try Transition.decide(capture, in: withoutGuarantor, at: now)) { error in
            XCTAssertEqual((error as? LedgerError)?.code, .lineNotFound, "a store that does not load the guarantor gets refusals")
        }
    }

    func testTheAuditorFindsAGuarantorThatDoesNotCountItsMembers() async throws {
        try await family()
        try await ledger.execute(.placeHold("H1", line: "M1", amount: fen(30_000), expiresAt: nil), key: "h1")
        let forgetful = GuarantorForgettingStore(inner: store)
        let report = try LedgerAuditor(store: forgetful).audit()
        XCTAssertTrue(report.violations.contains { $0.invariant == .heldMatchesOpenHolds && $0.line == "G" }, report.description)
    }
}

/// Reads the guarantor line G as if no member line held anything on it.
private struct GuarantorForgettingStore: ForwardingLedgerStore {
    let inner: InMemoryLedgerStore

    func lines(after: CreditLineID?, limit: Int) throws -> [CreditLine] {
        try inner.lines(after: after, limit: limit).map {
            $0.id == "G" ? CreditLine(id: "G", limit: $0.limit, openedAt: $0.openedAt, updatedAt: $0.updatedAt) : $0
        }
    }
}

extension Result {
    fileprivate var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
