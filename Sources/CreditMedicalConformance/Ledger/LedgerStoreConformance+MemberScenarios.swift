// Scenarios of member lines (family members' caps on a guarantor's line): what a store must load
// and persist so that both lines move together.
import CreditMedicalCore
import XCTest

extension LedgerStoreConformance {
    static func memberLines(_ f: LedgerFixture) async throws {
        try await f.apply(.openLine("G", limit: fen(100_000)), key: "open-G")
        try await f.apply(.openMemberLine("M1", guarantor: "G", cap: fen(60_000)), key: "open-M1")
        try await f.apply(.openMemberLine("M2", guarantor: "G", cap: fen(50_000)), key: "open-M2")
        XCTAssertEqual(try f.line("M1").guarantor, "G", "[\(f.scenario)] the member line keeps its guarantor")
        XCTAssertEqual(try f.store.memberLines(of: "G").map(\.id), ["M1", "M2"], "[\(f.scenario)] member lines")
        XCTAssertEqual(try f.store.memberLines(of: "M1"), [], "[\(f.scenario)] a member line has no members")
        try await f.expectRejection(.capAboveLine, .openMemberLine("M3", guarantor: "G", cap: fen(100_001)), key: "too-big")
        try await f.expectRejection(.guarantorIsMemberLine, .openMemberLine("M3", guarantor: "M1", cap: fen(1)), key: "nested")
        try await f.expectRejection(.lineNotFound, .openMemberLine("M3", guarantor: "nobody", cap: fen(1)), key: "no-guarantor")
        try await f.expectRejection(.capAboveLine, .adjustLimit("M2", to: fen(100_001)), key: "raise")
        let placed = try await f.apply(.placeHold("H1", line: "M1", amount: fen(60_000), expiresAt: nil), key: "h1")
        XCTAssertEqual(placed.entry.guarantor, GuarantorMovement(line: "G", limit: fen(100_000), heldAfter: fen(60_000), outstandingAfter: .zero),
                       "[\(f.scenario)] the entry records the guarantor's move")
        XCTAssertEqual(try f.store.entry(for: "h1"), placed.entry, "[\(f.scenario)] the journal keeps the guarantor's move")
        try f.expect("G", limit: 100_000, held: 60_000, outstanding: 0)
        try await f.expectRejection(.insufficientAvailable, .increaseHold("H1", by: fen(1)), key: "over-cap")
        try await f.expectRejection(.insufficientAvailable, .placeHold("H2", line: "M2", amount: fen(40_001), expiresAt: nil), key: "over-line")
        // In one batch, each command sees what the one before did to the guarantor.
        let results = try await f.ledger.submit([
            LedgerRequest(key: "h2", command: .placeHold("H2", line: "M2", amount: fen(30_000), expiresAt: nil)),
            LedgerRequest(key: "hg", command: .placeHold("HG", line: "G", amount: fen(10_001), expiresAt: nil)),
            LedgerRequest(key: "h2+", command: .increaseHold("H2", by: fen(10_000))),
        ])
        XCTAssertEqual(results.map { (try? $0.get()) != nil }, [true, false, true], "[\(f.scenario)] batch results")
        try await f.apply(.captureHold("H1", amount: fen(30_000)), key: "c1")
        try f.expect("G", limit: 100_000, held: 40_000, outstanding: 30_000)
        try f.expect("M1", limit: 60_000, held: 0, outstanding: 30_000)
        XCTAssertEqual(try f.line("G").membersOutstanding, fen(30_000), "[\(f.scenario)] the guarantor keeps its members' part")
        try await f.expectRejection(.owedByMembers, .repay("G", amount: fen(1)), key: "repay-G")
        try await f.expectRejection(.lineInUse, .closeLine("M1"), key: "close-owing")
        try await f.apply(.repay("M1", amount: fen(30_000)), key: "repay-M1")
        try await f.apply(.voidHold("H2"), key: "void")
        try await f.apply(.closeLine("M1"), key: "close-M1")
        try f.expect("G", limit: 100_000, held: 0, outstanding: 0)
        XCTAssertEqual(try f.line("G").membersOutstanding, .zero, "[\(f.scenario)] members' part repaid")
    }

    static func concurrentMemberHolds(_ f: LedgerFixture) async throws {
        let limits: [CreditLineID: Int64] = ["G": 100_000, "M1": 40_000, "M2": 30_000]
        try await f.apply(.openLine("G", limit: fen(100_000)), key: "open-G")
        try await f.apply(.openMemberLine("M1", guarantor: "G", cap: fen(40_000)), key: "open-M1")
        try await f.apply(.openMemberLine("M2", guarantor: "G", cap: fen(30_000)), key: "open-M2")
        let ledger = f.ledger
        let refusals = try await withThrowingTaskGroup(of: Int.self) { group in
            for caller in 0..<40 {
                group.addTask {
                    let line: CreditLineID = ["G", "M1", "M2"][caller % 3]
                    let hold = HoldID("H\(caller)")
                    let steps: [LedgerCommand] = [
                        .placeHold(hold, line: line, amount: fen(7_000), expiresAt: nil), .increaseHold(hold, by: fen(3_000)),
                        caller % 2 == 0 ? .captureHold(hold, amount: fen(5_000)) : .voidHold(hold),
                    ]
                    var refused = 0
                    for (step, command) in steps.enumerated() {
                        let result = try await ledger.submit([LedgerRequest(key: IdempotencyKey("\(caller)-\(step)"), command: command)])[0]
                        guard case .failure(let error) = result else { continue }
                        guard error.code == .insufficientAvailable || (step > 0 && error.code == .holdNotFound) else { throw error }
                        refused += 1
                    }
                    return refused
                }
            }
            return try await group.reduce(0, +)
        }
        XCTAssertGreaterThan(refusals, 0, "[\(f.scenario)] the callers did not compete for the line")
        // At no step did a member use more than its cap, nor the family more than the guarantor's limit.
        for entry in try f.store.journal(line: nil, after: 0, limit: .max) {
            let used = entry.lineAfter.held.fen + entry.lineAfter.outstanding.fen
            XCTAssertLessThanOrEqual(used, limits[entry.line] ?? 0, "[\(f.scenario)] entry \(entry.sequence) on \(entry.line)")
            if let guarantor = entry.guarantor {
                XCTAssertLessThanOrEqual(guarantor.heldAfter.fen + guarantor.outstandingAfter.fen, 100_000,
                                         "[\(f.scenario)] entry \(entry.sequence): the guarantor")
            }
        }
        let (g, m1, m2) = (try f.line("G"), try f.line("M1"), try f.line("M2"))
        XCTAssertEqual([g.held, m1.held, m2.held], [.zero, .zero, .zero], "[\(f.scenario)] every hold ended")
        XCTAssertEqual(g.membersOutstanding.fen, m1.outstanding.fen + m2.outstanding.fen, "[\(f.scenario)] members' part")
    }
}
