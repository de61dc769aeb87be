import CreditMedicalConformance
import CreditMedicalHIS
import CreditMedicalPostgres
import XCTest

final class PostgresEncounterStoreConformanceTests: EncounterStoreConformance {
    override func makeStore() throws -> any EncounterStore {
        try PostgresLedgerStore(url: PostgresTestServer.require().makeDatabase())
    }

    override func reopen(_ store: any EncounterStore) throws -> (any EncounterStore)? {
        try PostgresLedgerStore(url: XCTUnwrap(store as? PostgresLedgerStore).url)
    }

    func testConformance() async throws {
        _ = try PostgresTestServer.require()
        let ran = await runAll()
        XCTAssertEqual(ran, Self.allScenarios.count)
    }
}
