import CreditMedicalConformance
import CreditMedicalHIS
import CreditMedicalSQLite
import CreditMedicalTestSupport
import XCTest

final class SQLiteEncounterStoreConformanceTests: EncounterStoreConformance {
    private var directories: [TemporaryDirectory] = []

    override func makeStore() throws -> any EncounterStore {
        let directory = try TemporaryDirectory()
        directories.append(directory)
        return try SQLiteLedgerStore(path: directory.file("encounters.sqlite"))
    }

    override func reopen(_ store: any EncounterStore) throws -> (any EncounterStore)? {
        try SQLiteLedgerStore(path: XCTUnwrap(store as? SQLiteLedgerStore).path)
    }

    func testConformance() async throws {
        let passed = await runAll()
        XCTAssertEqual(passed, Self.allScenarios.count)
    }
}
