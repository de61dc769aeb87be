import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalSQLite
import CreditMedicalTestSupport
import XCTest

final class SQLiteCheckoutRecoveryConformanceTests: CheckoutRecoveryConformance {
    private var directories: [TemporaryDirectory] = []

    /// XCTest keeps a test case alive until the whole run ends: remove its files when it ends.
    override func tearDown() {
        directories.removeAll()
        super.tearDown()
    }

    override func makeDatabase() throws -> any CreditDatabase {
        let directory = try TemporaryDirectory()
        directories.append(directory)
        return try SQLiteDatabase(path: directory.file("desk.sqlite"))
    }

    override func reopen(_ database: any CreditDatabase) throws -> any CreditDatabase {
        try SQLiteDatabase(path: XCTUnwrap(database as? SQLiteDatabase).path)
    }

    func testConformance() async throws {
        let passed = await runAll()
        XCTAssertEqual(passed, Self.allScenarios.count)
    }
}
