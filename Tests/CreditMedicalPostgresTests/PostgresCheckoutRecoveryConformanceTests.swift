import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalPostgres
import XCTest

final class PostgresCheckoutRecoveryConformanceTests: CheckoutRecoveryConformance {
    override func makeDatabase() throws -> any CreditDatabase {
        try PostgresDatabase(url: PostgresTestServer.require().makeDatabase())
    }

    override func reopen(_ database: any CreditDatabase) throws -> any CreditDatabase {
        try PostgresDatabase(url: XCTUnwrap(database as? PostgresDatabase).url)
    }

    func testConformance() async throws {
        _ = try PostgresTestServer.require()
        let passed = await runAll()
        XCTAssertEqual(passed, Self.allScenarios.count)
    }
}
