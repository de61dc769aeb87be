import CreditMedicalPostgres
import CreditMedicalTestSupport
import XCTest

/// Several processes on one PostgreSQL database, as several HIS servers would be.
final class PostgresMultiProcessTests: XCTestCase {
    /// Two desks in two processes charge the same visit at once: every charge succeeds, and the
    /// bill, the encounter and the hold agree to the fen afterwards.
    func testTwoProcessesChargingOneVisitLoseNoCharge() async throws {
        let url = try PostgresTestServer.require().makeDatabase()
        try await TwoDesksOnOneVisit.prepare(try PostgresLedgerStore(url: url))
        let results = try BuiltProgram("credit-medical-test-worker").runTogether(TwoDesksOnOneVisit.workerArguments(database: url))
        for result in results { XCTAssertEqual(result.status, 0, result.output) }
        try TwoDesksOnOneVisit.check(try PostgresDatabase(url: url))
    }

    /// Four processes advance the receivables' journal position of one database at once, each
    /// reading it and advancing it by one: each position is won by exactly one, and only winners
    /// saved.
    func testProcessesAdvancingReceivablesHaveOneWinnerAPosition() throws {
        let url = try PostgresTestServer.require().makeDatabase()
        _ = try PostgresDatabase(url: url)
        let results = try BuiltProgram("credit-medical-test-worker").runTogether(ProcessesAdvancingReceivables.workerArguments(database: url))
        try ProcessesAdvancingReceivables.check(results, store: PostgresDatabase(url: url).receivableStore)
    }
}
