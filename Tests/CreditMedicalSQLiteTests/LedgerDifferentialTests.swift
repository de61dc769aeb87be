import CreditMedicalSQLite
import CreditMedicalTesting
import Foundation
import CreditMedicalTestSupport
import XCTest

/// Drives the same random commands through the in-memory and the SQLite store and requires the
/// same result for every command, a clean audit after every batch and identical end states.
/// Set `CREDITMEDICAL_SEED` to replay a failing run.
final class LedgerDifferentialTests: XCTestCase {
    func testRandomCommandsGiveTheSameResultsInMemoryAndSQLite() async throws {
        let seed = ProcessInfo.processInfo.environment["CREDITMEDICAL_SEED"].flatMap(UInt64.init)
            ?? UInt64(Date().timeIntervalSince1970 * 1000)
        print("LedgerDifferentialTests seed: \(seed) (replay with CREDITMEDICAL_SEED=\(seed))")
        let directory = try TemporaryDirectory()
        let difference = try await LedgerDifferential.run(against: try SQLiteLedgerStore(path: directory.file("ledger.sqlite")), seed: seed)
        XCTAssertNil(difference, "seed \(seed)")
    }
}
