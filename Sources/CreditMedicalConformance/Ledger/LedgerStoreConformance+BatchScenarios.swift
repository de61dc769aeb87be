// Scenarios of keys, bad input, batches, queries, concurrency and durability.
import CreditMedicalCore
import XCTest

extension LedgerStoreConformance {
    static func idempotency(_ f: LedgerFixture) async throws {
        try await f.apply(.openLine("L1", limit: fen(100_000)), key: "open")
        let first = try await f.apply(.placeHold("H1", line: "L1", amount: fen(10_000), expiresAt: nil), key: "h1")
        let again = try await f.apply(.placeHold("H1", line: "L1", amount: fen(10_000), expiresAt: nil), key: "h1")
        XCTAssertTrue(again.isReplay, "[\(f.scenario)] replay across batches")
        XCTAssertEqual(again.entry, first.entry)
        try await f.expectRejection(.idempotencyConflict, .placeHold("H1", line: "L1", amount: fen(10_001), expiresAt: nil), key: "h1")
        try await f.expectRejection(.idempotencyConflict, .repay("L1", amount: fen(1)), key: "h1")
        // The same key twice in one batch: applied once, the second is a replay.
        let capture = LedgerRequest(key: "c1", command: .captureHold("H1", amount: fen(4_000)))
        let results = try await f.ledger.submit([capture, capture])
        let receipts = try results.map { try $0.get() }
        XCTAssertEqual(receipts.map(\.isReplay), [false, true], "[\(f.scenario)] replay within a batch")
        XCTAssertEqual(receipts[0].entry, receipts[1].entry)
        // A replay of a command that would now be rejected still returns its first result.
        let late = try await f.apply(.captureHold("H1", amount: fen(4_000)), key: "c1")
        XCTAssertTrue(late.isReplay)
        try f.expect("L1", limit: 100_000, held: 0, outstanding: 4_000)
        // A replay of a command that could apply again is still only a replay.
        let repaid = try await f.apply(.repay("L1", amount: fen(1_000)), key: "r0")
        let repaidAgain = try await f.apply(.repay("L1", amount: fen(1_000)), key: "r0")
        XCTAssertTrue(repaidAgain.isReplay, "[\(f.scenario)] repeated repayment applied twice")
        XCTAssertEqual(repaidAgain.entry, repaid.entry)
        try f.expect("L1", limit: 100_000, held: 0, outstanding: 3_000)
        // A rejected key is not recorded: once the command can apply, the same key applies it.
        try await f.expectRejection(.overRepayment, .repay("L1", amount: fen(5_000)), key: "r1")
        try await f.expectRejection(.overRepayment, .repay("L1", amount: fen(5_000)), key: "r1")
        XCTAssertNil(try f.store.entry(for: "r1"), "[\(f.scenario)] rejected key recorded")
        XCTAssertEqual(try f.store.journal(line: nil, after: 0, limit: .max).count, 4, "[\(f.scenario)] journal length")
    }

    static func badInput(_ f: LedgerFixture) async throws {
        try await f.apply(.openLine("L1", limit: fen(100_000)), key: "open")
        try await f.apply(.placeHold("H1", line: "L1", amount: fen(10_000), expiresAt: nil), key: "h1")
        let cases: [(LedgerError.Code, LedgerCommand)] = [
            (.invalidAmount, .placeHold("H2", line: "L1", amount: .zero, expiresAt: nil)),
            (.invalidAmount, .placeHold("H2", line: "L1", amount: fen(-5), expiresAt: nil)),
            (.invalidAmount, .increaseHold("H1", by: .zero)),
            (.invalidAmount, .decreaseHold("H1", by: fen(-1))),
            (.invalidAmount, .captureHold("H1", amount: .zero)),
            (.invalidAmount, .repay("L1", amount: fen(-100))),
            (.invalidAmount, .openLine("L2", limit: fen(-1))),
            (.invalidIdentifier, .openLine("", limit: fen(1))),
            (.invalidIdentifier, .openLine(CreditLineID(String(repeating: "x", count: 65)), limit: fen(1))),
            (.invalidIdentifier, .placeHold("bad\nid", line: "L1", amount: fen(1), expiresAt: nil)),
            (.lineNotFound, .placeHold("H2", line: "nobody", amount: fen(1), expiresAt: nil)),
            (.lineNotFound, .repay("nobody", amount: fen(1))),
            (.lineNotFound, .adjustLimit("nobody", to: fen(1))),
            (.lineNotFound, .suspendLine("nobody")),
            (.holdNotFound, .increaseHold("nothing", by: fen(1))),
            (.holdNotFound, .captureHold("nothing", amount: fen(1))),
            (.holdNotFound, .voidHold("nothing")),
            (.holdNotFound, .expireHold("nothing")),
            (.insufficientAvailable, .placeHold("H2", line: "L1", amount: fen(90_001), expiresAt: nil)),
            (.insufficientHeld, .captureHold("H1", amount: fen(10_001))),
            (.overRepayment, .repay("L1", amount: fen(1))),
        ]
        for (index, (code, command)) in cases.enumerated() {
            try await f.expectRejection(code, command, key: IdempotencyKey("bad-\(index)"))
        }
        try await f.expectRejection(.invalidIdentifier, .repay("L1", amount: fen(1)), key: "")
        try await f.expectRejection(.invalidIdentifier, .repay("L1", amount: fen(1)),
                                    key: IdempotencyKey(String(repeating: "k", count: 129)))
        // Amounts that would overflow Int64 are refused, not wrapped.
        try await f.apply(.openLine("BIG", limit: Money(fen: .max)), key: "open-big")
        try await f.apply(.placeHold("HB1", line: "BIG", amount: Money(fen: .max - 10), expiresAt: nil), key: "hb1")
        try await f.apply(.captureHold("HB1", amount: Money(fen: .max - 10)), key: "cb1")
        try await f.apply(.adjustLimit("BIG", to: Money(fen: .max)), key: "limit-big")
        try await f.expectRejection(.insufficientAvailable, .placeHold("HB2", line: "BIG", amount: fen(11), expiresAt: nil), key: "hb2")
        try await f.apply(.placeHold("HB3", line: "BIG", amount: fen(10), expiresAt: nil), key: "hb3")
        try f.expect("BIG", limit: .max, held: 10, outstanding: .max - 10)
        let tooBig = [LedgerRequest](repeating: LedgerRequest(key: "k", command: .repay("L1", amount: fen(1))),
                                     count: LedgerLimits.maximumBatchSize + 1)
        do {
            _ = try await f.ledger.submit(tooBig)
            XCTFail("[\(f.scenario)] an oversized batch was accepted")
        } catch let error as LedgerError {
            XCTAssertEqual(error.code, .batchTooLarge)
        }
    }

    static func mixedBatch(_ f: LedgerFixture) async throws {
        try await f.apply(.openLine("L1", limit: fen(10_000)), key: "open")
        let before = try f.snapshot()
        let results = try await f.ledger.submit([
            LedgerRequest(key: "a", command: .placeHold("H1", line: "L1", amount: fen(6_000), expiresAt: nil)),
            LedgerRequest(key: "b", command: .placeHold("H2", line: "L1", amount: fen(6_000), expiresAt: nil)),
            LedgerRequest(key: "c", command: .placeHold("H3", line: "L1", amount: fen(4_000), expiresAt: nil)),
            LedgerRequest(key: "d", command: .captureHold("H2", amount: fen(1))),
            LedgerRequest(key: "e", command: .captureHold("H1", amount: fen(6_000))),
        ])
        let codes = results.map { result -> String in
            switch result {
            case .success: "ok"
            case .failure(let error): error.code.rawValue
            }
        }
        XCTAssertEqual(codes, ["ok", LedgerError.Code.insufficientAvailable.rawValue, "ok",
                               LedgerError.Code.holdNotFound.rawValue, "ok"], "[\(f.scenario)] results")
        let after = try f.snapshot()
        XCTAssertEqual(after.journal.count, before.journal.count + 3, "[\(f.scenario)] only applied commands are journaled")
        XCTAssertEqual(after.journal.map(\.sequence), Array(1...Int64(after.journal.count)), "[\(f.scenario)] no gaps")
        XCTAssertNil(try f.store.hold("H2"))
        try f.expect("L1", limit: 10_000, held: 4_000, outstanding: 6_000)
    }

    static func queriesAndPaging(_ f: LedgerFixture) async throws {
        for index in 0..<5 {
            try await f.apply(.openLine(CreditLineID("L\(index)"), limit: fen(100_000)), key: IdempotencyKey("open-\(index)"))
        }
        for index in 0..<7 {
            let line = CreditLineID("L\(index % 2)")
            try await f.apply(.placeHold(HoldID("H\(index)"), line: line, amount: fen(1_000), expiresAt: nil),
                              key: IdempotencyKey("hold-\(index)"))
        }
        XCTAssertEqual(try f.store.lines(after: nil, limit: 2).map(\.id), ["L0", "L1"])
        XCTAssertEqual(try f.store.lines(after: "L1", limit: 10).map(\.id), ["L2", "L3", "L4"])
        XCTAssertEqual(try f.store.holds(on: "L1").map(\.id), ["H1", "H3", "H5"])
        XCTAssertEqual(try f.store.holds(after: "H4", limit: 2).map(\.id), ["H5", "H6"])
        let journal = try f.store.journal(line: "L0", after: 0, limit: 100)
        XCTAssertEqual(journal.map(\.key), ["open-0", "hold-0", "hold-2", "hold-4", "hold-6"])
        let page = try f.store.journal(line: "L0", after: journal[1].sequence, limit: 2)
        XCTAssertEqual(page.map(\.key), ["hold-2", "hold-4"])
        let all = try f.store.journal(line: nil, after: 3, limit: 4)
        XCTAssertEqual(all.map(\.sequence), [4, 5, 6, 7])
        XCTAssertEqual(try f.store.entry(for: "hold-3")?.command, .placeHold("H3", line: "L1", amount: fen(1_000), expiresAt: nil))
        XCTAssertNil(try f.store.entry(for: "nope"))
        XCTAssertEqual(try f.ledger.journal(for: "L1").count, 4)
    }

    static func concurrentCallers(_ f: LedgerFixture) async throws {
        try await f.apply(.openLine("L1", limit: fen(1_000_000)), key: "open")
        let ledger = f.ledger
        try await withThrowingTaskGroup(of: Void.self) { group in
            for caller in 0..<50 {
                group.addTask {
                    for step in 0..<4 {
                        let hold = HoldID("H\(caller)")
                        let command: LedgerCommand = switch step {
                        case 0: .placeHold(hold, line: "L1", amount: fen(1_000), expiresAt: nil)
                        case 1: .increaseHold(hold, by: fen(500))
                        case 2: .captureHold(hold, amount: fen(700))
                        default: .repay("L1", amount: fen(300))
                        }
                        try await ledger.execute(command, key: IdempotencyKey("\(caller)-\(step)"))
                    }
                }
            }
            try await group.waitForAll()
        }
        try f.expect("L1", limit: 1_000_000, held: 0, outstanding: 50 * 400)
        XCTAssertEqual(try f.store.journal(line: nil, after: 0, limit: .max).count, 1 + 50 * 4)
    }

    static func durability(_ f: LedgerFixture) async throws {
        try await f.apply(.openLine("L1", limit: fen(100_000)), key: "open")
        try await f.apply(.placeHold("H1", line: "L1", amount: fen(30_000), expiresAt: f.clock.now().adding(seconds: 600)), key: "h1")
        try await f.apply(.captureHold("H1", amount: fen(10_000)), key: "c1")
        try await f.apply(.placeHold("H2", line: "L1", amount: fen(5_000), expiresAt: nil), key: "h2")
        let before = try f.snapshot()
        guard let reopened = try f.reopened() else { return }
        XCTAssertEqual(try f.snapshot(of: reopened), before, "[\(f.scenario)] reopened store differs")
        try f.expectCleanAudit(of: reopened)
        let ledger = Ledger(store: reopened, clock: f.clock)
        let replay = try await ledger.execute(.captureHold("H1", amount: fen(10_000)), key: "c1")
        XCTAssertTrue(replay.isReplay, "[\(f.scenario)] replay after reopening")
        let next = try await ledger.execute(.increaseHold("H2", by: fen(1)), key: "h2+")
        XCTAssertEqual(next.entry.sequence, Int64(before.journal.count + 1), "[\(f.scenario)] sequence continues")
        XCTAssertEqual(try reopened.line("L1")?.held, fen(5_001))
    }
}
