import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalPostgres
import XCTest

final class PostgresEncounterStoreConformanceTests: EncounterStoreConformance {
    override func makeStore() throws -> any EncounterStore {
        try PostgresDatabase(url: PostgresTestServer.require().makeDatabase()).encounterStore
    }

    override func reopen(_ store: any EncounterStore) throws -> (any EncounterStore)? {
        try PostgresDatabase(url: XCTUnwrap(store as? PostgresEncounterStore).database.url).encounterStore
    }

    func testConformance() async throws {
        _ = try PostgresTestServer.require()
        let passed = await runAll()
        XCTAssertEqual(passed, Self.allScenarios.count)
    }
}
