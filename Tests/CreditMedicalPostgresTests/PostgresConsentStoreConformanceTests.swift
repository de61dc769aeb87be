import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalPostgres
import XCTest

final class PostgresConsentStoreConformanceTests: ConsentStoreConformance {
    override func makeStore() throws -> any ConsentStore {
        try PostgresDatabase(url: PostgresTestServer.require().makeDatabase()).consentStore
    }

    override func reopen(_ store: any ConsentStore) throws -> (any ConsentStore)? {
        try PostgresDatabase(url: XCTUnwrap(store as? PostgresConsentStore).database.url).consentStore
    }

    func testConformance() async throws {
        _ = try PostgresTestServer.require()
        let passed = await runAll()
        XCTAssertEqual(passed, Self.allScenarios.count)
    }
}
