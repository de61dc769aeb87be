import CreditMedicalCore
import CreditMedicalPostgres
import CreditMedicalTesting
import Foundation
import XCTest

/// The randomized differential test of the ledger stores, against PostgreSQL: the same random
/// commands in memory and in PostgreSQL give the same results, audits and end states. Set
/// `CREDITMEDICAL_SEED` to replay a failing run.
final class PostgresDifferentialTests: XCTestCase {
    func testRandomCommandsGiveTheSameResultsInMemoryAndPostgreSQL() async throws {
        let url = try PostgresTestServer.require().makeDatabase()
        let seed = ProcessInfo.processInfo.environment["CREDITMEDICAL_SEED"].flatMap(UInt64.init)
            ?? UInt64(Date().timeIntervalSince1970 * 1000)
        print("PostgresDifferentialTests seed: \(seed) (replay with CREDITMEDICAL_SEED=\(seed))")
        let difference = try await LedgerDifferential.run(against: try PostgresLedgerStore(url: url), seed: seed, commands: 2_000)
        XCTAssertNil(difference, "seed \(seed)")
    }
}

/// A ledger copied into PostgreSQL (as `credit-medical copy` does from SQLite) equals its source.
final class PostgresCopyTests: XCTestCase {
    func testALedgerCopiesIntoPostgreSQLExactly() async throws {
        let target = try PostgresLedgerStore(url: try PostgresTestServer.require().makeDatabase())
        let source = InMemoryLedgerStore()
        var random = SplitMix64(seed: 11)
        var generator = RandomLedgerCommands(lines: 4)
        let clock = ManualClock(Timestamp(millisecondsSince1970: 1_767_225_600_000))
        let ledger = Ledger(store: source, clock: clock)
        _ = try await ledger.submit((0..<4).map {
            LedgerRequest(key: IdempotencyKey("open-\($0)"), command: .openLine(CreditLineID("L\($0)"), limit: Money(fen: 500_000)))
        })
        for _ in 0..<60 {
            _ = try await ledger.submit((0..<Int(random.next(below: 10) + 1)).map { _ in generator.request(using: &random, now: clock.now()) })
            clock.advance(seconds: Int64(random.next(below: 30)))
        }
        let copied = try LedgerCopier.copy(from: source, to: target)
        XCTAssertEqual(copied, try source.journal(line: nil, after: 0, limit: .max).count)
        XCTAssertEqual(try target.journal(line: nil, after: 0, limit: .max), try source.journal(line: nil, after: 0, limit: .max))
        XCTAssertEqual(try target.lines(after: nil, limit: .max), try source.lines(after: nil, limit: .max))
        XCTAssertEqual(try target.holds(after: nil, limit: .max), try source.holds(after: nil, limit: .max))
        XCTAssertTrue(try LedgerAuditor(store: target).audit().isClean)
    }
}
