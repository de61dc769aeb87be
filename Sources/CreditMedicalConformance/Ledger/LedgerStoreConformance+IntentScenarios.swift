// Scenarios of the intent commands, whose amounts the state machine decides from the balances.
import CreditMedicalCore
import XCTest

extension LedgerStoreConformance {
    static func lockUpToATarget(_ f: LedgerFixture) async throws {
        try await f.apply(.openLine("L1", limit: fen(100_000)), key: "open")
        try await f.apply(.placeHold("OTHER", line: "L1", amount: fen(70_000), expiresAt: nil), key: "other")
        let placed = try await f.apply(.lockUpTo("H1", line: "L1", target: fen(20_000), rule: .asMuchAsAvailable), key: "l1")
        XCTAssertEqual(placed.entry.holdAmountAfter, fen(20_000), "[\(f.scenario)] placed at the target")
        let partly = try await f.apply(.lockUpTo("H1", line: "L1", target: fen(50_000), rule: .asMuchAsAvailable), key: "l2")
        XCTAssertEqual(partly.entry.holdAmountAfter, fen(30_000), "[\(f.scenario)] grown by what was available")
        XCTAssertEqual(partly.available, .zero)
        try f.expect("L1", limit: 100_000, held: 100_000, outstanding: 0)
        try await f.apply(.voidHold("OTHER"), key: "void-other")
        let whole = try await f.apply(.lockUpTo("H1", line: "L1", target: fen(200_000), rule: .allOrNothing), key: "l3")
        XCTAssertEqual(whole.entry.holdAmountAfter, fen(30_000), "[\(f.scenario)] all or nothing: nothing")
        let shrunk = try await f.apply(.lockUpTo("H1", line: "L1", target: fen(5_000), rule: .allOrNothing), key: "l4")
        XCTAssertEqual([shrunk.entry.holdAmountAfter, shrunk.entry.heldDelta], [fen(5_000), fen(-25_000)], "[\(f.scenario)] shrunk")
        try await f.apply(.freezeLine("L1"), key: "freeze")
        let frozen = try await f.apply(.lockUpTo("H1", line: "L1", target: fen(9_000), rule: .asMuchAsAvailable), key: "l5")
        XCTAssertEqual(frozen.entry.holdAmountAfter, fen(5_000), "[\(f.scenario)] a frozen line locks nothing more")
        let nothing = try await f.apply(.lockUpTo("H2", line: "L1", target: fen(9_000), rule: .asMuchAsAvailable), key: "l6")
        XCTAssertEqual(nothing.entry.heldDelta, .zero)
        XCTAssertNil(try f.store.hold("H2"), "[\(f.scenario)] a hold that gets nothing is not placed")
        let replay = try await f.apply(.lockUpTo("H1", line: "L1", target: fen(9_000), rule: .asMuchAsAvailable), key: "l5")
        XCTAssertTrue(replay.isReplay)
        try await f.apply(.openLine("L2", limit: fen(10)), key: "open-2")
        try await f.expectRejection(.holdOnAnotherLine, .lockUpTo("H1", line: "L2", target: fen(1), rule: .asMuchAsAvailable), key: "other-line")
        try await f.expectRejection(.invalidAmount, .lockUpTo("H3", line: "L2", target: fen(-1), rule: .asMuchAsAvailable), key: "negative")
        try f.expect("L1", limit: 100_000, held: 5_000, outstanding: 0)
        XCTAssertEqual(try f.hold("H1").amount, fen(5_000))
    }

    static func reverseCaptureUpToWhatIsOwed(_ f: LedgerFixture) async throws {
        try await f.apply(.openLine("L1", limit: fen(100_000)), key: "open")
        try await f.apply(.placeHold("H1", line: "L1", amount: fen(30_000), expiresAt: nil), key: "h1")
        try await f.apply(.captureHold("H1", amount: fen(30_000)), key: "c1")
        try await f.apply(.repay("L1", amount: fen(10_000)), key: "r1")
        let reversed = try await f.apply(.reverseCaptureUpTo("H1", amount: fen(30_000)), key: "back")
        XCTAssertEqual(reversed.entry.outstandingDelta, fen(-20_000), "[\(f.scenario)] as much as the line still owes")
        XCTAssertEqual(try f.hold("H1").captured, fen(10_000))
        try f.expect("L1", limit: 100_000, held: 0, outstanding: 0)
        let again = try await f.apply(.reverseCaptureUpTo("H1", amount: fen(30_000)), key: "back-again")
        XCTAssertEqual(again.entry.outstandingDelta, .zero, "[\(f.scenario)] nothing left owed")
        try await f.apply(.placeHold("H2", line: "L1", amount: fen(1), expiresAt: nil), key: "h2")
        try await f.expectRejection(.holdNotCaptured, .reverseCaptureUpTo("H2", amount: fen(1)), key: "open-hold")
    }

    static func writeOffWhatIsOwed(_ f: LedgerFixture) async throws {
        try await f.apply(.openLine("L1", limit: fen(100_000)), key: "open")
        try await f.apply(.placeHold("H1", line: "L1", amount: fen(30_000), expiresAt: nil), key: "h1")
        try await f.apply(.captureHold("H1", amount: fen(30_000)), key: "c1")
        try await f.apply(.repay("L1", amount: fen(10_000)), key: "r1")
        try await f.expectRejection(.overRepayment, .writeOff("H1", amount: fen(20_001), reason: "bad debt"), key: "too-much")
        try await f.expectRejection(.invalidAmount, .writeOff("H1", amount: fen(0), reason: "bad debt"), key: "nothing")
        let written = try await f.apply(.writeOff("H1", amount: fen(20_000), reason: "bad debt: 180 days overdue"), key: "off")
        XCTAssertEqual(written.entry.outstandingDelta, fen(-20_000), "[\(f.scenario)] the line owes nothing more")
        let replay = try await f.apply(.writeOff("H1", amount: fen(20_000), reason: "bad debt: 180 days overdue"), key: "off")
        XCTAssertTrue(replay.isReplay, "[\(f.scenario)] a write-off is applied once")
        XCTAssertEqual(try f.hold("H1").captured, fen(10_000))
        try f.expect("L1", limit: 100_000, held: 0, outstanding: 0)
        XCTAssertEqual(try f.store.entry(for: "off")?.command, .writeOff("H1", amount: fen(20_000), reason: "bad debt: 180 days overdue"),
                       "[\(f.scenario)] the journal keeps the reason")
        try await f.apply(.placeHold("H2", line: "L1", amount: fen(1), expiresAt: nil), key: "h2")
        try await f.expectRejection(.holdNotCaptured, .writeOff("H2", amount: fen(1), reason: "bad debt"), key: "open-hold")
    }
}
