@testable import CreditMedicalCore
import XCTest

/// The state machine's own check of each decided command finds each way a transition could
/// break an invariant (and passes what the state machine decides).
final class TransitionInvariantTests: XCTestCase {
    private let now = Timestamp(millisecondsSince1970: 1_795_996_800_000)

    private func state() -> LedgerState {
        let line = CreditLine(id: "L1", limit: Money(fen: 1_000), held: Money(fen: 300), outstanding: Money(fen: 200), status: [],
                              openedAt: now, updatedAt: now)
        let hold = Hold(id: "H1", line: "L1", amount: Money(fen: 300), placedAt: now, expiresAt: nil)
        return LedgerState(lines: [line], holds: [hold], lastSequence: 2)
    }

    private func decided(_ command: LedgerCommand) throws -> Transition {
        try Transition.decide(command, in: state(), at: now)
    }

    func testDecidedCommandsKeepEveryInvariant() throws {
        for command: LedgerCommand in [.increaseHold("H1", by: Money(fen: 100)), .decreaseHold("H1", by: Money(fen: 100)),
                                       .captureHold("H1", amount: Money(fen: 250)), .voidHold("H1"), .repay("L1", amount: Money(fen: 200)),
                                       .lockUpTo("H1", line: "L1", target: Money(fen: 2_000), rule: .asMuchAsAvailable),
                                       .lockUpTo("H2", line: "L1", target: Money(fen: 50), rule: .allOrNothing),
                                       .adjustLimit("L1", to: .zero), .freezeLine("L1")] {
            XCTAssertNil(try decided(command).invariantViolation(of: command, in: state()), "\(command)")
        }
    }

    func testEachBrokenInvariantIsFound() throws {
        let increase = LedgerCommand.increaseHold("H1", by: Money(fen: 100))
        var negative = try decided(increase)
        negative.after.held.fen = -1
        XCTAssertEqual(negative.invariantViolation(of: increase, in: state()), "a negative balance")

        var apart = try decided(increase)
        apart.hold?.amount.fen += 1
        XCTAssertEqual(apart.invariantViolation(of: increase, in: state()), "held moved apart from the hold")

        let capture = LedgerCommand.captureHold("H1", amount: Money(fen: 250))
        var lost = try decided(capture)
        lost.after.outstanding.fen -= 1
        XCTAssertEqual(lost.invariantViolation(of: capture, in: state()), "outstanding moved apart from the capture")

        var stillHolding = try decided(capture)
        stillHolding.hold?.amount.fen = 5
        stillHolding.after.held.fen += 5
        XCTAssertEqual(stillHolding.invariantViolation(of: capture, in: state()), "an ended hold still holds money")

        let repay = LedgerCommand.repay("L1", amount: Money(fen: 200))
        var created = try decided(repay)
        created.after.outstanding.fen += 1
        XCTAssertEqual(created.invariantViolation(of: repay, in: state()), "the line moved without a hold")
    }
}
