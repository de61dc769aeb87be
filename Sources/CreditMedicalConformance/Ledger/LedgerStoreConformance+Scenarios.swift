import CreditMedicalCore
import XCTest

/// An amount in fen, for the scenarios.
func fen(_ value: Int64) -> Money { Money(fen: value) }

extension LedgerStoreConformance {
    /// Every scenario of the suite, in the order ``ConformanceSuite/runAll()`` runs them.
    public static let allScenarios: [LedgerScenario] = [
        LedgerScenario("openLineAndQuery", openLineAndQuery),
        LedgerScenario("limitCutBelowUsage", limitCutBelowUsage),
        LedgerScenario("suspendAndResume", suspendAndResume),
        LedgerScenario("freezeAndUnfreeze", freezeAndUnfreeze),
        LedgerScenario("closeLine", closeLine),
        LedgerScenario("holdLifecycle", holdLifecycle),
        LedgerScenario("captureAllOrPart", captureAllOrPart),
        LedgerScenario("voidAndExpire", voidAndExpire),
        LedgerScenario("repayment", repayment),
        LedgerScenario("captureReversal", captureReversal),
        LedgerScenario("lockUpToATarget", lockUpToATarget),
        LedgerScenario("reverseCaptureUpToWhatIsOwed", reverseCaptureUpToWhatIsOwed),
        LedgerScenario("writeOffWhatIsOwed", writeOffWhatIsOwed),
        LedgerScenario("memberLines", memberLines),
        LedgerScenario("concurrentMemberHolds", concurrentMemberHolds),
        LedgerScenario("idempotency", idempotency),
        LedgerScenario("badInput", badInput),
        LedgerScenario("mixedBatch", mixedBatch),
        LedgerScenario("queriesAndPaging", queriesAndPaging),
        LedgerScenario("concurrentCallers", concurrentCallers),
        LedgerScenario("durability", durability),
    ]

    static func openLineAndQuery(_ f: LedgerFixture) async throws {
        XCTAssertNil(try f.store.line("L1"), "[\(f.scenario)] empty store has a line")
        let receipt = try await f.apply(.openLine("L1", limit: fen(500_000)), key: "open-L1")
        XCTAssertEqual(receipt.entry.sequence, 1, "[\(f.scenario)] first sequence")
        XCTAssertFalse(receipt.isReplay)
        XCTAssertEqual(receipt.available, fen(500_000))
        try f.expect("L1", limit: 500_000, held: 0, outstanding: 0)
        let line = try f.line("L1")
        XCTAssertEqual(line.status, [], "[\(f.scenario)] status")
        XCTAssertEqual(line.openedAt, f.clock.now(), "[\(f.scenario)] openedAt")
        try await f.apply(.openLine("L0", limit: .zero), key: "open-L0")
        try f.expect("L0", limit: 0, held: 0, outstanding: 0)
        try await f.expectRejection(.lineAlreadyExists, .openLine("L1", limit: fen(1)), key: "open-L1-again")
    }

    static func limitCutBelowUsage(_ f: LedgerFixture) async throws {
        try await f.apply(.openLine("L1", limit: fen(100_000)), key: "open")
        try await f.apply(.placeHold("H1", line: "L1", amount: fen(60_000), expiresAt: nil), key: "h1")
        try await f.apply(.adjustLimit("L1", to: fen(40_000), reason: "bank line sync / 银行额度同步"), key: "cut")
        try f.expect("L1", limit: 40_000, held: 60_000, outstanding: 0)
        XCTAssertEqual(try f.store.entry(for: "cut")?.command, .adjustLimit("L1", to: fen(40_000), reason: "bank line sync / 银行额度同步"),
                       "[\(f.scenario)] the reason is journaled")
        try await f.expectRejection(.invalidIdentifier, .adjustLimit("L1", to: fen(1), reason: "bad\u{0}reason"), key: "bad-reason")
        XCTAssertEqual(try f.hold("H1").amount, fen(60_000), "[\(f.scenario)] existing hold untouched")
        try await f.expectRejection(.insufficientAvailable, .placeHold("H2", line: "L1", amount: fen(1), expiresAt: nil), key: "h2")
        try await f.expectRejection(.insufficientAvailable, .increaseHold("H1", by: fen(1)), key: "h1+")
        try await f.apply(.captureHold("H1", amount: fen(60_000)), key: "capture")
        try f.expect("L1", limit: 40_000, held: 0, outstanding: 60_000)
        try await f.apply(.adjustLimit("L1", to: fen(200_000)), key: "raise")
        try f.expect("L1", limit: 200_000, held: 0, outstanding: 60_000)
        try await f.expectRejection(.invalidAmount, .adjustLimit("L1", to: fen(-1)), key: "negative")
    }

    static func suspendAndResume(_ f: LedgerFixture) async throws {
        try await f.apply(.openLine("L1", limit: fen(100_000)), key: "open")
        try await f.apply(.placeHold("H1", line: "L1", amount: fen(10_000), expiresAt: nil), key: "h1")
        try await f.apply(.suspendLine("L1"), key: "suspend")
        XCTAssertEqual(try f.line("L1").status, .suspended)
        try await f.expectRejection(.lineSuspended, .suspendLine("L1"), key: "suspend-again")
        try await f.expectRejection(.lineSuspended, .placeHold("H2", line: "L1", amount: fen(1), expiresAt: nil), key: "h2")
        try await f.expectRejection(.lineSuspended, .increaseHold("H1", by: fen(1)), key: "h1+")
        // Money already locked may still be settled or released on a suspended line.
        try await f.apply(.decreaseHold("H1", by: fen(1_000)), key: "h1-")
        try await f.apply(.captureHold("H1", amount: fen(5_000)), key: "capture")
        try await f.apply(.repay("L1", amount: fen(5_000)), key: "repay")
        try await f.apply(.resumeLine("L1"), key: "resume")
        try await f.expectRejection(.lineNotSuspended, .resumeLine("L1"), key: "resume-again")
        try await f.apply(.placeHold("H2", line: "L1", amount: fen(1), expiresAt: nil), key: "h2-after")
        try f.expect("L1", limit: 100_000, held: 1, outstanding: 0)
    }

    static func freezeAndUnfreeze(_ f: LedgerFixture) async throws {
        try await f.apply(.openLine("L1", limit: fen(100_000)), key: "open")
        try await f.apply(.placeHold("H1", line: "L1", amount: fen(10_000), expiresAt: nil), key: "h1")
        try await f.apply(.freezeLine("L1"), key: "freeze")
        try await f.expectRejection(.lineFrozen, .freezeLine("L1"), key: "freeze-again")
        try await f.expectRejection(.lineFrozen, .placeHold("H2", line: "L1", amount: fen(1), expiresAt: nil), key: "h2")
        try await f.expectRejection(.lineFrozen, .increaseHold("H1", by: fen(1)), key: "h1+")
        try await f.apply(.suspendLine("L1"), key: "suspend")
        XCTAssertEqual(try f.line("L1").status, [.frozen, .suspended])
        try await f.apply(.voidHold("H1"), key: "void")
        try await f.apply(.unfreezeLine("L1"), key: "unfreeze")
        try await f.expectRejection(.lineNotFrozen, .unfreezeLine("L1"), key: "unfreeze-again")
        try await f.expectRejection(.lineSuspended, .placeHold("H3", line: "L1", amount: fen(1), expiresAt: nil), key: "h3")
        try f.expect("L1", limit: 100_000, held: 0, outstanding: 0)
    }

    static func closeLine(_ f: LedgerFixture) async throws {
        try await f.apply(.openLine("L1", limit: fen(100_000)), key: "open")
        try await f.apply(.placeHold("H1", line: "L1", amount: fen(10_000), expiresAt: nil), key: "h1")
        try await f.expectRejection(.lineInUse, .closeLine("L1"), key: "close-held")
        try await f.apply(.captureHold("H1", amount: fen(10_000)), key: "capture")
        try await f.expectRejection(.lineInUse, .closeLine("L1"), key: "close-outstanding")
        try await f.apply(.repay("L1", amount: fen(10_000)), key: "repay")
        try await f.apply(.closeLine("L1"), key: "close")
        XCTAssertEqual(try f.line("L1").status, .closed)
        for (number, (code, command)) in [
            (LedgerError.Code.lineClosed, LedgerCommand.closeLine("L1")),
            (.lineClosed, .placeHold("H2", line: "L1", amount: fen(1), expiresAt: nil)),
            (.lineClosed, .adjustLimit("L1", to: fen(1))),
            (.lineClosed, .suspendLine("L1")),
            (.lineClosed, .freezeLine("L1")),
            (.lineClosed, .repay("L1", amount: fen(1))),
        ].enumerated() {
            try await f.expectRejection(code, command, key: IdempotencyKey("after-close-\(number)"))
        }
    }
}
