import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalSQLite
import CreditMedicalTestSupport
import Foundation
import XCTest

/// Several processes on one SQLite file, as several HIS servers on one machine would be.
final class SQLiteMultiProcessTests: XCTestCase {
    private let worker = BuiltProgram("credit-medical-test-worker")

    /// Two desks in two processes charge the same visit at once: every charge succeeds, and the
    /// bill, the encounter and the hold agree to the fen afterwards.
    func testTwoProcessesChargingOneVisitLoseNoCharge() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("shared.sqlite")
        try await TwoDesksOnOneVisit.prepare(try SQLiteLedgerStore(path: path))
        let results = try worker.runTogether(TwoDesksOnOneVisit.workerArguments(database: path))
        for result in results { XCTAssertEqual(result.status, 0, result.output) }
        try TwoDesksOnOneVisit.check(try SQLiteDatabase(path: path))
    }

    /// Four processes advance the receivables' journal position of one file at once, each reading
    /// it and advancing it by one: each position is won by exactly one, and only winners saved.
    func testProcessesAdvancingReceivablesHaveOneWinnerAPosition() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("shared.sqlite")
        _ = try SQLiteDatabase(path: path)
        let results = try worker.runTogether(ProcessesAdvancingReceivables.workerArguments(database: path))
        try ProcessesAdvancingReceivables.check(results, store: SQLiteDatabase(path: path).receivableStore)
    }

    /// 120 processes open the same new file at once while it switches to write-ahead logging and
    /// migrates, twice over: none fails. (Each race this caught, one process in a few hundred lost:
    /// asking for WAL mode met another's lock without SQLite waiting for it, and reading the
    /// schema version in pieces while another process migrated looked like another application's
    /// file.)
    func testOneHundredTwentyProcessesOpenANewFileAtOnce() throws {
        let directory = try TemporaryDirectory()
        for round in 1...2 {
            let path = directory.file("new-\(round).sqlite")
            // They wait for one moment to begin, a little after the last has started.
            let start = Int64(Date().timeIntervalSince1970 * 1000) + 3_000
            let results = try worker.runTogether(Array(repeating: ["open", path, "\(start)"], count: 120))
            let failed = results.filter { $0.status != 0 }
            XCTAssertTrue(failed.isEmpty, "round \(round): \(failed.count) of 120 failed: \(failed.first?.output ?? "")")
            XCTAssertEqual(try SQLiteDatabase(path: path).commitsAreDurable(), true)
        }
    }
}
