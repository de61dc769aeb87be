// Scenarios of holds and the money they move: lock, capture, void, expire, repay, reverse.
import CreditMedicalCore
import XCTest

extension LedgerStoreConformance {
    static func holdLifecycle(_ f: LedgerFixture) async throws {
        try await f.apply(.openLine("L1", limit: fen(100_000)), key: "open")
        let placed = try await f.apply(.placeHold("H1", line: "L1", amount: fen(30_000), expiresAt: nil), key: "h1")
        XCTAssertEqual(placed.entry.heldDelta, fen(30_000))
        XCTAssertEqual(placed.entry.holdAmountAfter, fen(30_000))
        XCTAssertEqual(placed.entry.holdStateAfter, .open)
        try await f.apply(.increaseHold("H1", by: fen(5_000)), key: "h1+")
        try await f.apply(.decreaseHold("H1", by: fen(2_000)), key: "h1-")
        let hold = try f.hold("H1")
        XCTAssertEqual([hold.amount, hold.captured], [fen(33_000), .zero], "[\(f.scenario)] hold")
        XCTAssertEqual(hold.line, "L1")
        XCTAssertEqual(hold.state, .open)
        try f.expect("L1", limit: 100_000, held: 33_000, outstanding: 0)
        try await f.expectRejection(.insufficientHeld, .decreaseHold("H1", by: fen(33_001)), key: "too-much")
        try await f.expectRejection(.insufficientAvailable, .increaseHold("H1", by: fen(67_001)), key: "over")
        try await f.apply(.increaseHold("H1", by: fen(67_000)), key: "all")
        try f.expect("L1", limit: 100_000, held: 100_000, outstanding: 0)
        try await f.expectRejection(.holdAlreadyExists, .placeHold("H1", line: "L1", amount: fen(1), expiresAt: nil), key: "dup")
    }

    static func captureAllOrPart(_ f: LedgerFixture) async throws {
        try await f.apply(.openLine("L1", limit: fen(100_000)), key: "open")
        try await f.apply(.placeHold("H1", line: "L1", amount: fen(30_000), expiresAt: nil), key: "h1")
        try await f.apply(.placeHold("H2", line: "L1", amount: fen(20_000), expiresAt: nil), key: "h2")
        try await f.expectRejection(.insufficientHeld, .captureHold("H1", amount: fen(30_001)), key: "too-much")
        let part = try await f.apply(.captureHold("H1", amount: fen(12_345)), key: "c1")
        XCTAssertEqual(part.entry.heldDelta, fen(-30_000))
        XCTAssertEqual(part.entry.outstandingDelta, fen(12_345))
        let h1 = try f.hold("H1")
        XCTAssertEqual([h1.amount, h1.captured], [.zero, fen(12_345)], "[\(f.scenario)] partly captured hold")
        XCTAssertEqual(h1.state, .captured)
        XCTAssertEqual(h1.endedAt, f.clock.now())
        try await f.apply(.captureHold("H2", amount: fen(20_000)), key: "c2")
        try f.expect("L1", limit: 100_000, held: 0, outstanding: 32_345)
        try await f.expectRejection(.holdNotOpen, .captureHold("H1", amount: fen(1)), key: "again")
        try await f.expectRejection(.holdNotOpen, .voidHold("H2"), key: "void-captured")
        try await f.expectRejection(.holdNotOpen, .increaseHold("H2", by: fen(1)), key: "grow-captured")
    }

    static func voidAndExpire(_ f: LedgerFixture) async throws {
        try await f.apply(.openLine("L1", limit: fen(100_000)), key: "open")
        let now = f.clock.now()
        try await f.expectRejection(.invalidExpiry, .placeHold("H0", line: "L1", amount: fen(1), expiresAt: now), key: "past")
        try await f.apply(.placeHold("H1", line: "L1", amount: fen(10_000), expiresAt: now.adding(seconds: 60)), key: "h1")
        try await f.apply(.placeHold("H2", line: "L1", amount: fen(20_000), expiresAt: now.adding(seconds: 60)), key: "h2")
        try await f.apply(.placeHold("H3", line: "L1", amount: fen(30_000), expiresAt: nil), key: "h3")
        try await f.expectRejection(.holdNotExpired, .expireHold("H1"), key: "early")
        let dueEarly = try await f.ledger.expireDueHolds()
        XCTAssertTrue(dueEarly.isEmpty, "[\(f.scenario)] nothing due yet")
        try await f.apply(.voidHold("H3"), key: "void")
        XCTAssertEqual(try f.hold("H3").state, .voided)
        f.clock.advance(seconds: 61)
        try await f.expectRejection(.holdExpired, .increaseHold("H1", by: fen(1)), key: "late+")
        try await f.expectRejection(.holdExpired, .captureHold("H1", amount: fen(1)), key: "late-capture")
        try await f.apply(.voidHold("H2"), key: "void-expired")
        let expired = try await f.ledger.expireDueHolds()
        XCTAssertEqual(expired.count, 1, "[\(f.scenario)] one hold due")
        XCTAssertEqual(try expired.first?.get().entry.key, "expire:H1")
        XCTAssertEqual(try f.hold("H1").state, .expired)
        let dueAgain = try await f.ledger.expireDueHolds()
        XCTAssertTrue(dueAgain.isEmpty, "[\(f.scenario)] a hold ends once")
        try await f.expectRejection(.holdNotOpen, .expireHold("H1"), key: "expire-again")
        try f.expect("L1", limit: 100_000, held: 0, outstanding: 0)
    }

    static func repayment(_ f: LedgerFixture) async throws {
        try await f.apply(.openLine("L1", limit: fen(100_000)), key: "open")
        try await f.apply(.placeHold("H1", line: "L1", amount: fen(50_000), expiresAt: nil), key: "h1")
        try await f.apply(.captureHold("H1", amount: fen(40_000)), key: "c1")
        XCTAssertEqual(try f.line("L1").available, fen(60_000))
        try await f.expectRejection(.overRepayment, .repay("L1", amount: fen(40_001)), key: "over")
        let repaid = try await f.apply(.repay("L1", amount: fen(15_000)), key: "r1")
        XCTAssertEqual(repaid.available, fen(75_000), "[\(f.scenario)] repayment restores availability at once")
        try await f.apply(.repay("L1", amount: fen(25_000)), key: "r2")
        try f.expect("L1", limit: 100_000, held: 0, outstanding: 0)
        try await f.expectRejection(.overRepayment, .repay("L1", amount: fen(1)), key: "nothing-owed")
    }

    static func captureReversal(_ f: LedgerFixture) async throws {
        try await f.apply(.openLine("L1", limit: fen(100_000)), key: "open")
        try await f.apply(.placeHold("H1", line: "L1", amount: fen(50_000), expiresAt: nil), key: "h1")
        try await f.expectRejection(.holdNotCaptured, .reverseCapture("H1", amount: fen(1)), key: "too-early")
        try await f.apply(.captureHold("H1", amount: fen(30_000)), key: "c1")
        try await f.expectRejection(.holdNotFound, .reverseCapture("H9", amount: fen(1)), key: "unknown")
        try await f.expectRejection(.reversalExceedsCapture, .reverseCapture("H1", amount: fen(30_001)), key: "too-much")
        let reversed = try await f.apply(.reverseCapture("H1", amount: fen(10_000)), key: "rev1")
        XCTAssertEqual(reversed.available, fen(80_000), "[\(f.scenario)] a reversal restores availability at once")
        XCTAssertEqual(try f.ledger.hold("H1")?.captured, fen(20_000), "[\(f.scenario)] the hold keeps what stays captured")
        try await f.apply(.repay("L1", amount: fen(15_000)), key: "r1")
        // 20,000 captured, 5,000 still outstanding: a reversal beyond that is refused.
        try await f.expectRejection(.overRepayment, .reverseCapture("H1", amount: fen(5_001)), key: "over")
        try await f.apply(.reverseCapture("H1", amount: fen(5_000)), key: "rev2")
        try f.expect("L1", limit: 100_000, held: 0, outstanding: 0)
    }
}
