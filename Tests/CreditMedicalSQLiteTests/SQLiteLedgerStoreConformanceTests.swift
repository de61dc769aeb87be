import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalSQLite
import CreditMedicalTestSupport
import XCTest

final class SQLiteLedgerStoreConformanceTests: LedgerStoreConformance {
    private var directory: TemporaryDirectory!
    private var files = 0

    override func setUpWithError() throws {
        directory = try TemporaryDirectory()
    }

    override func tearDown() {
        directory = nil
    }

    override func makeStore() throws -> any LedgerStore {
        files += 1
        return try SQLiteLedgerStore(path: directory.file("ledger-\(files).sqlite"))
    }

    override func reopen(_ store: any LedgerStore) throws -> (any LedgerStore)? {
        try SQLiteLedgerStore(path: XCTUnwrap(store as? SQLiteLedgerStore).database.path)
    }

    func testConformance() async throws {
        let passed = await runAll()
        XCTAssertEqual(passed, Self.allScenarios.count)
    }
}
