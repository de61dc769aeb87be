import CreditMedicalCore
import CreditMedicalPostgres
import XCTest

/// Two SDK instances, each with its own store and connection pool, apply batches to the same
/// lines at once: nothing is lost, nothing applied twice, and the auditor finds the journal and
/// the balances in agreement.
final class PostgresMultiInstanceTests: XCTestCase {
    func testTwoInstancesOnTheSameLinesLoseNothing() async throws {
        let url = try PostgresTestServer.require().makeDatabase()
        let instances = [try PostgresLedgerStore(url: url), try PostgresLedgerStore(url: url)].map { Ledger(store: $0) }
        let lines = (0..<8).map { CreditLineID("L\($0)") }
        _ = try await instances[0].submit(lines.map {
            LedgerRequest(key: IdempotencyKey("open-\($0)"), command: .openLine($0, limit: Money(fen: 10_000_000)))
        })
        let visitsPerInstance = 150
        // Each visit places a hold, captures part of it and repays part of that; both instances
        // also resend some of the other's captures: a replay when the other applied it already,
        // a rejection that records nothing when it has not yet.
        let captured = try await withThrowingTaskGroup(of: Int64.self) { group in
            for (number, ledger) in instances.enumerated() {
                group.addTask {
                    var total: Int64 = 0
                    for visit in 0..<visitsPerInstance {
                        let id = "\(number)-\(visit)"
                        let line = lines[visit % lines.count]
                        let results = try await ledger.submit([
                            LedgerRequest(key: IdempotencyKey("p\(id)"), command: .placeHold(HoldID("H\(id)"), line: line, amount: Money(fen: 3_000), expiresAt: nil)),
                            LedgerRequest(key: IdempotencyKey("c\(id)"), command: .captureHold(HoldID("H\(id)"), amount: Money(fen: 2_000))),
                            LedgerRequest(key: IdempotencyKey("r\(id)"), command: .repay(line, amount: Money(fen: 500))),
                        ])
                        for result in results { _ = try result.get() }
                        total += 1_500
                        if visit % 10 == 0 {
                            let other = "\(1 - number)-\(visit)"
                            _ = try await ledger.submit([LedgerRequest(key: IdempotencyKey("c\(other)"),
                                                                       command: .captureHold(HoldID("H\(other)"), amount: Money(fen: 2_000)))])
                        }
                    }
                    return total
                }
            }
            return try await group.reduce(0, +)
        }
        let store = try PostgresLedgerStore(url: url)
        let outstanding = try store.lines(after: nil, limit: 100).reduce(0) { $0 + $1.outstanding.fen }
        XCTAssertEqual(outstanding, captured, "captured minus repaid, once per visit")
        XCTAssertEqual(try store.journal(line: nil, after: 0, limit: 10_000).count, lines.count + 2 * visitsPerInstance * 3,
                       "one entry per applied command, replays add none")
        let report = try LedgerAuditor(store: store).audit()
        XCTAssertTrue(report.violations.isEmpty, "\(report.violations)")
    }
}
