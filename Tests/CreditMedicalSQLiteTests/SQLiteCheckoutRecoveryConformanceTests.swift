import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalSQLite
import CreditMedicalTestSupport
import XCTest

final class SQLiteCheckoutRecoveryConformanceTests: CheckoutRecoveryConformance {
    private var directories: [TemporaryDirectory] = []

    override func makeStore() throws -> any LedgerStore & EncounterStore {
        let directory = try TemporaryDirectory()
        directories.append(directory)
        return try SQLiteLedgerStore(path: directory.file("desk.sqlite"))
    }

    override func reopen(_ store: any LedgerStore & EncounterStore) throws -> any LedgerStore & EncounterStore {
        try SQLiteLedgerStore(path: XCTUnwrap(store as? SQLiteLedgerStore).path)
    }

    func testConformance() async throws {
        let passed = await runAll()
        XCTAssertEqual(passed, Self.allScenarios.count)
    }
}
