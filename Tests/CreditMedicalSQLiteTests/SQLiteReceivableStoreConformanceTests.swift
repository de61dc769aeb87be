import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalSQLite
import CreditMedicalTestSupport
import XCTest

final class SQLiteReceivableStoreConformanceTests: ReceivableStoreConformance {
    private var directories: [TemporaryDirectory] = []

    /// XCTest keeps a test case alive until the whole run ends: remove its files when it ends.
    override func tearDown() {
        directories.removeAll()
        super.tearDown()
    }

    override func makeStore() throws -> any ReceivableStore {
        let directory = try TemporaryDirectory()
        directories.append(directory)
        return try SQLiteDatabase(path: directory.file("receivables.sqlite")).receivableStore
    }

    /// Another database handle on the same file: its own connections, as another process has.
    override func reopen(_ store: any ReceivableStore) throws -> (any ReceivableStore)? {
        try SQLiteDatabase(path: XCTUnwrap(store as? SQLiteReceivableStore).database.path).receivableStore
    }

    func testConformance() async throws {
        let passed = await runAll()
        XCTAssertEqual(passed, Self.allScenarios.count)
    }
}
