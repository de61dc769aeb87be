import CreditMedicalCore
import CreditMedicalTestSupport
import CreditMedicalTesting
import Synchronization
import XCTest

/// The ledger answers a batch only after the store made it durable (`flush`), and a failed
/// flush reaches the callers, who can retry with the same keys.
final class LedgerFlushTests: XCTestCase {
    func testCallersAreAnsweredAfterTheirBatchIsFlushed() async throws {
        let store = FlushRecordingStore()
        let ledger = Ledger(store: store)
        try await ledger.execute(.openLine("L1", limit: Money(fen: 1_000)), key: "open")
        XCTAssertEqual(store.flushes, 1)
        try await ledger.execute(.placeHold("H1", line: "L1", amount: Money(fen: 100), expiresAt: nil), key: "h1")
        XCTAssertEqual(store.flushes, 2)
    }

    func testAFailedFlushIsReportedAndARetryWithTheSameKeysIsSafe() async throws {
        let store = FlushRecordingStore()
        let ledger = Ledger(store: store)
        store.failNextFlush()
        do {
            try await ledger.execute(.openLine("L1", limit: Money(fen: 1_000)), key: "open")
            XCTFail("a failed flush was not reported")
        } catch is FlushRecordingStore.DiskFull {}
        let retry = try await ledger.execute(.openLine("L1", limit: Money(fen: 1_000)), key: "open")
        XCTAssertTrue(retry.isReplay)
        XCTAssertEqual(try ledger.journal(for: "L1").count, 1)
    }
}

/// An in-memory store that counts flushes and can fail one.
private final class FlushRecordingStore: ForwardingLedgerStore {
    struct DiskFull: Error {}

    let inner = InMemoryLedgerStore()
    private let state = Mutex((flushes: 0, failNext: false))

    var flushes: Int { state.withLock { $0.flushes } }
    func failNextFlush() { state.withLock { $0.failNext = true } }

    func flush() throws {
        try state.withLock { state in
            guard !state.failNext else {
                state.failNext = false
                throw DiskFull()
            }
            state.flushes += 1
        }
    }
}
