import CreditMedicalCore
import CreditMedicalTesting
import XCTest

final class LedgerFlowTests: XCTestCase {
    func testOutpatientStoryThroughTheLedger() async throws {
        let store = InMemoryLedgerStore()
        let clock = ManualClock(Timestamp(millisecondsSince1970: 1_700_000_000_000))
        let ledger = Ledger(store: store, clock: clock)
        try await ledger.execute(.openLine("p1", limit: Money(fen: 100_000)), key: "open")
        try await ledger.execute(.placeHold("e1", line: "p1", amount: Money(fen: 30_000), expiresAt: nil), key: "h1")
        try await ledger.execute(.increaseHold("e1", by: Money(fen: 5_000)), key: "h2")
        try await ledger.execute(.decreaseHold("e1", by: Money(fen: 1_000)), key: "h3")
        let capture = try await ledger.execute(.captureHold("e1", amount: Money(fen: 20_000)), key: "c1")
        XCTAssertEqual(capture.line.held, .zero)
        XCTAssertEqual(capture.line.outstanding, Money(fen: 20_000))
        XCTAssertEqual(capture.available, Money(fen: 80_000))
        let replay = try await ledger.execute(.captureHold("e1", amount: Money(fen: 20_000)), key: "c1")
        XCTAssertTrue(replay.isReplay)
        XCTAssertEqual(replay.entry, capture.entry)
        try await ledger.execute(.repay("p1", amount: Money(fen: 20_000)), key: "r1")
        let line = try XCTUnwrap(try ledger.line("p1"))
        XCTAssertEqual(line.available, Money(fen: 100_000))
        let report = try LedgerAuditor(store: store).audit()
        XCTAssertTrue(report.isClean, report.description)
        XCTAssertEqual(report.entriesChecked, 6)
    }

    func testConcurrentCallersAreBatched() async throws {
        let store = InMemoryLedgerStore()
        let ledger = Ledger(store: store)
        try await ledger.execute(.openLine("p", limit: Money(fen: 1_000_000)), key: "open")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<200 {
                group.addTask {
                    try await ledger.execute(.placeHold(HoldID("h\(index)"), line: "p", amount: Money(fen: 100), expiresAt: nil),
                                             key: IdempotencyKey("k\(index)"))
                }
            }
            try await group.waitForAll()
        }
        XCTAssertEqual(try ledger.line("p")?.held, Money(fen: 20_000))
        XCTAssertTrue(try LedgerAuditor(store: store).audit().isClean)
    }
}
