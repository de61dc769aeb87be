import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalSQLite
import CreditMedicalTestSupport
import XCTest

final class SQLiteArrearsStoreConformanceTests: ArrearsStoreConformance {
    private var directories: [TemporaryDirectory] = []

    /// XCTest keeps a test case alive until the whole run ends: remove its files when it ends.
    override func tearDown() {
        directories.removeAll()
        super.tearDown()
    }

    override func makeStore() throws -> any ArrearsStore {
        let directory = try TemporaryDirectory()
        directories.append(directory)
        return try SQLiteDatabase(path: directory.file("arrears.sqlite")).arrearsStore
    }

    override func reopen(_ store: any ArrearsStore) throws -> (any ArrearsStore)? {
        try SQLiteDatabase(path: XCTUnwrap(store as? SQLiteArrearsStore).database.path).arrearsStore
    }

    func testConformance() async throws {
        let passed = await runAll()
        XCTAssertEqual(passed, Self.allScenarios.count)
    }
}
