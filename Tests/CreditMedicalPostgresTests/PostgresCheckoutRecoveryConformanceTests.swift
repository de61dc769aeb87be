import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalPostgres
import XCTest

final class PostgresCheckoutRecoveryConformanceTests: CheckoutRecoveryConformance {
    override func makeStore() throws -> any LedgerStore & EncounterStore {
        try PostgresLedgerStore(url: PostgresTestServer.require().makeDatabase())
    }

    override func reopen(_ store: any LedgerStore & EncounterStore) throws -> any LedgerStore & EncounterStore {
        try PostgresLedgerStore(url: XCTUnwrap(store as? PostgresLedgerStore).url)
    }

    func testConformance() async throws {
        _ = try PostgresTestServer.require()
        let passed = await runAll()
        XCTAssertEqual(passed, Self.allScenarios.count)
    }
}
