@testable import CreditMedicalPostgres
import CreditMedicalCore
import Foundation
import XCTest

/// A server that stops answering gives a timeout error within the deadline, never a hang; the
/// server's own statement and lock timeouts are timeout errors too.
final class PostgresTimeoutTests: XCTestCase {
    /// The backend serving the store is paused (`SIGSTOP`): the next call fails with the timeout
    /// within the client's deadline (statement timeout 1 s plus connect timeout 2 s, from the
    /// URL), and the call after it, on a new connection, works.
    func testAPausedBackendGivesATimeoutWithinTheDeadline() async throws {
        let server = try ThrowawayPostgres.start(for: self)
        try PostgresTestServer.sql(server.url, "CREATE DATABASE ledger")
        let url = server.url.replacingOccurrences(of: "///postgres?", with: "///ledger?")
        let store = try PostgresLedgerStore(url: url + "&connect_timeout=2&options=-c%20statement_timeout%3D1000", connections: 1)
        try await Ledger(store: store).execute(.openLine("L1", limit: Money(fen: 1_000)), key: "open")
        let backends = try PostgresConnection(url: server.url).query("SELECT pid FROM pg_stat_activity WHERE datname = 'ledger'")
        XCTAssertEqual(backends.count, 1, "the store's one connection")
        let backend = pid_t(try XCTUnwrap(backends.int64(0, 0)))
        XCTAssertEqual(kill(backend, SIGSTOP), 0)
        defer { kill(backend, SIGCONT) }
        let started = ContinuousClock.now
        XCTAssertThrowsError(try store.line("L1")) { error in
            XCTAssertEqual((error as? PostgresStoreError)?.code, .timeout, "\(error)")
            XCTAssertEqual((error as? PostgresStoreError)?.context["timeout"], "answer")
            XCTAssertEqual((error as? PostgresStoreError)?.context["limit_ms"], "3000")
        }
        let waited = ContinuousClock.now - started
        XCTAssertGreaterThanOrEqual(waited, .seconds(3))
        XCTAssertLessThan(waited, .seconds(5))
        XCTAssertEqual(try store.line("L1")?.limit, Money(fen: 1_000), "a new connection answers")
    }

    /// A paused server (its postmaster stopped) does not hang a connect: the connect timeout of
    /// the options, or of the URL, ends it.
    func testAPausedServerGivesAConnectTimeout() throws {
        let server = try ThrowawayPostgres.start(for: self)
        let postmaster = try server.postmasterPID()
        XCTAssertEqual(kill(postmaster, SIGSTOP), 0)
        defer { kill(postmaster, SIGCONT) }
        for (url, options, limit) in [(server.url, PostgresOptions(connectTimeout: .milliseconds(1500)), Duration.milliseconds(1500)),
                                      (server.url + "&connect_timeout=2", PostgresOptions(), .seconds(2))] {
            let started = ContinuousClock.now
            XCTAssertThrowsError(try PostgresLedgerStore(url: url, options: options)) { error in
                XCTAssertEqual((error as? PostgresStoreError)?.code, .timeout, "\(error)")
                XCTAssertEqual((error as? PostgresStoreError)?.context["timeout"], "connect")
            }
            let waited = ContinuousClock.now - started
            XCTAssertGreaterThanOrEqual(waited, limit)
            XCTAssertLessThan(waited, limit + .seconds(2))
        }
    }

    /// Another session holds the ledger's counter row: the store waits `lock_timeout` (of its
    /// options) and fails with the timeout, or with `statement_timeout` (of the URL) when that
    /// comes first.
    func testALockHeldElsewhereEndsInATimeout() async throws {
        let url = try PostgresTestServer.require().makeDatabase()
        _ = try PostgresLedgerStore(url: url)
        let holder = try PostgresConnection(url: url)
        try holder.execute("BEGIN; SELECT * FROM ledger_meta FOR UPDATE")
        let cases = [(url, PostgresOptions(lockTimeout: .milliseconds(500)), "lock"),
                     (url + "&options=-c%20lock_timeout%3D0%20-c%20statement_timeout%3D500", PostgresOptions(), "statement")]
        for (url, options, kind) in cases {
            let ledger = Ledger(store: try PostgresLedgerStore(url: url, connections: 1, options: options))
            let started = ContinuousClock.now
            do {
                try await ledger.execute(.openLine("L1", limit: Money(fen: 1_000)), key: "open")
                XCTFail("\(kind): the counter row is locked")
            } catch let error as PostgresStoreError {
                XCTAssertEqual(error.code, .timeout, "\(kind): \(error)")
                XCTAssertEqual(error.context["timeout"], kind, "\(error)")
            }
            let waited = ContinuousClock.now - started
            XCTAssertGreaterThanOrEqual(waited, .milliseconds(500), kind)
            XCTAssertLessThan(waited, .seconds(3), kind)
        }
        try holder.execute("ROLLBACK")
        let ledger = Ledger(store: try PostgresLedgerStore(url: url, options: PostgresOptions(lockTimeout: .milliseconds(500))))
        let receipt = try await ledger.execute(.openLine("L1", limit: Money(fen: 1_000)), key: "open")
        XCTAssertEqual(receipt.entry.sequence, 1, "nothing was written by the calls that timed out")
    }
}
