import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalSQLite
import CreditMedicalTestSupport
import XCTest

final class SQLiteConsentStoreConformanceTests: ConsentStoreConformance {
    private var directories: [TemporaryDirectory] = []

    /// XCTest keeps a test case alive until the whole run ends: remove its files when it ends.
    override func tearDown() {
        directories.removeAll()
        super.tearDown()
    }

    override func makeStore() throws -> any ConsentStore {
        let directory = try TemporaryDirectory()
        directories.append(directory)
        return try SQLiteDatabase(path: directory.file("consents.sqlite")).consentStore
    }

    override func reopen(_ store: any ConsentStore) throws -> (any ConsentStore)? {
        try SQLiteDatabase(path: XCTUnwrap(store as? SQLiteConsentStore).database.path).consentStore
    }

    func testConformance() async throws {
        let passed = await runAll()
        XCTAssertEqual(passed, Self.allScenarios.count)
    }
}
