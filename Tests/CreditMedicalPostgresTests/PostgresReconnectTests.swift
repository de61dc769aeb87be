import CreditMedicalCore
import CreditMedicalPostgres
import XCTest

/// A connection the server drops costs one failed call, with ``PostgresStoreError/Code/connectionLost``;
/// the retry with the same keys reconnects and applies the command once.
final class PostgresReconnectTests: XCTestCase {
    func testADroppedConnectionIsReopenedAndARetryAppliesOnce() async throws {
        let url = try PostgresTestServer.require().makeDatabase()
        let ledger = Ledger(store: try PostgresLedgerStore(url: url, connections: 1))
        try await ledger.execute(.openLine("L1", limit: Money(fen: 100_000)), key: "open")
        try PostgresTestServer.sql(url, """
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid()
            """)
        let hold = LedgerCommand.placeHold("H1", line: "L1", amount: Money(fen: 30_000), expiresAt: nil)
        var failures = 0
        var receipt: LedgerReceipt?
        for _ in 0..<3 where receipt == nil {
            do {
                receipt = try await ledger.execute(hold, key: "h1")
            } catch let error as PostgresStoreError where error.code == .connectionLost {
                failures += 1
            }
        }
        XCTAssertEqual(failures, 1, "one call fails with the dropped connection")
        XCTAssertEqual(receipt?.entry.lineAfter.held.fen, 30_000)
        let again = try await ledger.execute(hold, key: "h1")
        XCTAssertTrue(again.isReplay, "applied once")
        XCTAssertEqual(try ledger.line("L1")?.held.fen, 30_000)
    }
}
