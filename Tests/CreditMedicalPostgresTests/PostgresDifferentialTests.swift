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
