@testable import CreditMedicalPostgres
import CreditMedicalCore
import Foundation
import XCTest

/// Every connection of the store is durable from its first statement, even on a database whose
/// default is `synchronous_commit = off`: commands acknowledged before an immediate server stop
/// are all there after the restart, under the sequence numbers they were given.
final class PostgresDurabilityTests: XCTestCase {
    /// A server whose commits are asynchronous unless a connection says otherwise, and whose WAL
    /// writer waits 10 s, so an asynchronous commit is certainly not on disk when it stops.
    private func asynchronousServer() throws -> (server: ThrowawayPostgres, url: String) {
        let server = try ThrowawayPostgres.start(for: self, settings: ["synchronous_commit = off", "wal_writer_delay = 10s"])
        try PostgresTestServer.sql(server.url, "CREATE DATABASE ledger")
        try PostgresTestServer.sql(server.url, "ALTER DATABASE ledger SET synchronous_commit = off")
        return (server, server.url.replacingOccurrences(of: "///postgres?", with: "///ledger?"))
    }

    func testAcknowledgedCommandsSurviveAnImmediateStopOnAnAsynchronousDatabase() async throws {
        let (server, url) = try asynchronousServer()
        var acknowledged: [IdempotencyKey: Int64] = [:]
        do {
            let store = try PostgresLedgerStore(url: url, connections: 4)
            let ledgers = (0..<4).map { _ in Ledger(store: store) }
            for round in 0..<6 {
                // Every connection of the store is opened again in each round.
                try PostgresTestServer.sql(server.url, """
                    SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'ledger'
                    """)
                let receipts = try await withThrowingTaskGroup(of: [LedgerReceipt].self) { group in
                    for (number, ledger) in ledgers.enumerated() {
                        group.addTask { try await Self.openLines(on: ledger, prefix: "r\(round)-\(number)", count: 25) }
                    }
                    return try await group.reduce([], +)
                }
                for receipt in receipts { acknowledged[receipt.entry.key] = receipt.entry.sequence }
            }
        }
        try server.stopImmediately()
        try server.start()

        let store = try PostgresLedgerStore(url: url)
        XCTAssertEqual(acknowledged.count, 6 * 4 * 25)
        var lost: [IdempotencyKey] = []
        for (key, sequence) in acknowledged where try store.entry(for: key)?.sequence != sequence { lost.append(key) }
        XCTAssertEqual(lost.count, 0, "acknowledged and lost: \(lost.sorted { $0.rawValue < $1.rawValue }.prefix(10))")
        let after = try await Self.openLines(on: Ledger(store: store), prefix: "after", count: 10)
        let reused = Set(after.map(\.entry.sequence)).intersection(acknowledged.values)
        XCTAssertEqual(reused, [], "sequence numbers handed out twice")
    }

    /// The store's connections report durable commits whatever the database or the URL say, and
    /// the check asks every connection of the pool, not one.
    func testCommitsAreDurableAsksEveryPooledConnection() throws {
        let (server, url) = try asynchronousServer()
        let store = try PostgresLedgerStore(url: url + "&options=-c%20synchronous_commit%3Doff", connections: 3)
        XCTAssertTrue(try store.database.commitsAreDurable())
        let connections = try PostgresConnection(url: server.url).query(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = 'ledger' AND backend_type = 'client backend'")
        XCTAssertEqual(connections.int64(0, 0), 3, "each pooled connection was opened and asked")
    }

    /// Opens `count` lines through `ledger`, repeating a call that failed (a dropped connection)
    /// with the same keys, at most six times (each of the four pooled connections can be a dropped one).
    private static func openLines(on ledger: Ledger, prefix: String, count: Int) async throws -> [LedgerReceipt] {
        let requests = (0..<count).map {
            LedgerRequest(key: IdempotencyKey("\(prefix)-\($0)"), command: .openLine(CreditLineID("\(prefix)-\($0)"), limit: Money(fen: 1_000)))
        }
        for attempt in 1...6 {
            do {
                return try await ledger.submit(requests).map { try $0.get() }
            } catch where attempt < 6 {
                continue
            }
        }
        return []
    }
}
