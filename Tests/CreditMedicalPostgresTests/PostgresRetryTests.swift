import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalPostgres
import Synchronization
import XCTest

/// A write whose transaction meets a serialization failure or a deadlock runs again, a bounded
/// number of times; the failures are raised by the server itself, just before the commit, by the
/// store's fault hook.
final class PostgresRetryTests: XCTestCase {
    func testOneSerializationFailureIsRetriedAndTheBatchAppliedOnce() async throws {
        let store = try PostgresLedgerStore(url: try PostgresTestServer.require().makeDatabase())
        let ledger = Ledger(store: store)
        try await ledger.execute(.openLine("L1", limit: Money(fen: 1_000)), key: "open")
        let calls = Mutex(0)
        store.database.injectFaults { calls.withLock { calls in calls += 1; return calls == 1 ? "40001" : nil } }
        let receipt = try await ledger.execute(.placeHold("H1", line: "L1", amount: Money(fen: 300), expiresAt: nil), key: "h1")
        store.database.injectFaults(nil)
        XCTAssertEqual(calls.withLock { $0 }, 2, "the attempt that failed and the one that committed")
        XCTAssertFalse(receipt.isReplay)
        XCTAssertEqual(receipt.entry.sequence, 2)
        XCTAssertEqual(try store.journal(line: nil, after: 0, limit: 10).map(\.key), ["open", "h1"], "applied once")
        XCTAssertEqual(try store.line("L1")?.held, Money(fen: 300))
    }

    func testADeadlockEveryTimeEndsInTheTypedErrorAfterTheBoundedAttempts() async throws {
        let store = try PostgresLedgerStore(url: try PostgresTestServer.require().makeDatabase(),
                                            options: PostgresOptions(maximumAttempts: 3))
        let ledger = Ledger(store: store)
        try await ledger.execute(.openLine("L1", limit: Money(fen: 1_000)), key: "open")
        let calls = Mutex(0)
        store.database.injectFaults { calls.withLock { $0 += 1 }; return "40P01" }
        do {
            try await ledger.execute(.placeHold("H1", line: "L1", amount: Money(fen: 300), expiresAt: nil), key: "h1")
            XCTFail("every attempt deadlocks")
        } catch let error as PostgresStoreError {
            XCTAssertEqual(error.code, .serializationFailure, "\(error)")
            XCTAssertEqual(error.context["attempts"], "3")
            XCTAssertEqual(error.sqlState, "40P01")
        }
        store.database.injectFaults(nil)
        XCTAssertEqual(calls.withLock { $0 }, 3)
        XCTAssertEqual(try store.journal(line: nil, after: 0, limit: 10).map(\.key), ["open"], "nothing applied")
        XCTAssertNil(try store.hold("H1"))
        let retried = try await ledger.execute(.placeHold("H1", line: "L1", amount: Money(fen: 300), expiresAt: nil), key: "h1")
        XCTAssertFalse(retried.isReplay, "the caller's retry applies it")
    }

    func testAnEncounterCommitIsRetriedAndAppliedOnce() throws {
        let store = try PostgresDatabase(url: try PostgresTestServer.require().makeDatabase()).encounterStore
        let calls = Mutex(0)
        store.database.injectFaults { calls.withLock { calls in calls += 1; return calls == 1 ? "40001" : nil } }
        try store.commit(EncounterStoreConformance.sampleCommit())
        store.database.injectFaults(nil)
        XCTAssertEqual(calls.withLock { $0 }, 2)
        XCTAssertEqual(try store.encounters(after: nil, limit: 10).map(\.id), ["MZ-1", "MZ-2"])
        XCTAssertEqual(try store.charges(of: "MZ-1").items.count, 2)
        XCTAssertEqual(try store.charges(of: "MZ-1").refunds.count, 1)
    }
}
