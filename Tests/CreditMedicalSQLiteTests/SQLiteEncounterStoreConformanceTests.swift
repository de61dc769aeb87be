import CreditMedicalConformance
import CreditMedicalHIS
import CreditMedicalSQLite
import CreditMedicalTestSupport
import XCTest

final class SQLiteEncounterStoreConformanceTests: EncounterStoreConformance {
    private var directories: [TemporaryDirectory] = []

    /// XCTest keeps a test case alive until the whole run ends: remove its files when it ends.
    override func tearDown() {
        directories.removeAll()
        super.tearDown()
    }

    override func makeStore() throws -> any EncounterStore {
        let directory = try TemporaryDirectory()
        directories.append(directory)
        return try SQLiteDatabase(path: directory.file("encounters.sqlite")).encounterStore
    }

    override func reopen(_ store: any EncounterStore) throws -> (any EncounterStore)? {
        try SQLiteDatabase(path: XCTUnwrap(store as? SQLiteEncounterStore).database.path).encounterStore
    }

    func testConformance() async throws {
        let passed = await runAll()
        XCTAssertEqual(passed, Self.allScenarios.count)
    }
}
