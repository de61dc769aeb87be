import CreditMedicalCore
import CreditMedicalPostgres
import CreditMedicalTesting
import XCTest

/// The randomized differential test of the ledger stores, against PostgreSQL: the same random
/// commands in memory and in PostgreSQL give the same results, audits and end states. The seed
/// is fixed; set `CREDITMEDICAL_SEED` to try others or to replay a failing run.
final class PostgresDifferentialTests: XCTestCase {
    func testRandomCommandsGiveTheSameResultsInMemoryAndPostgreSQL() async throws {
        let url = try PostgresTestServer.require().makeDatabase()
        let seed = try TestSeed(fixed: 20_260_101)
        let difference = try await LedgerDifferential.run(against: try PostgresLedgerStore(url: url), seed: seed, commands: 2_000)
        XCTAssertNil(difference, "\(seed)")
    }
}

/// A ledger copied into PostgreSQL (as `credit-medical copy` does from SQLite) equals its source.
final class PostgresCopyTests: XCTestCase {
    func testALedgerCopiesIntoPostgreSQLExactly() async throws {
        let target = try PostgresLedgerStore(url: try PostgresTestServer.require().makeDatabase())
        let source = InMemoryLedgerStore()
        let seed = try TestSeed(fixed: 11)
        var random = seed.generator()
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
        XCTAssertEqual(copied, try source.journal(line: nil, after: 0, limit: .max).count, "\(seed)")
        XCTAssertEqual(try target.journal(line: nil, after: 0, limit: .max), try source.journal(line: nil, after: 0, limit: .max), "\(seed)")
        XCTAssertEqual(try target.lines(after: nil, limit: .max), try source.lines(after: nil, limit: .max), "\(seed)")
        XCTAssertEqual(try target.holds(after: nil, limit: .max), try source.holds(after: nil, limit: .max), "\(seed)")
        XCTAssertTrue(try LedgerAuditor(store: target).audit().isClean, "\(seed)")
    }
}
