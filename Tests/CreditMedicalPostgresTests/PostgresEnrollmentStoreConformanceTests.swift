import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalPostgres
import XCTest

final class PostgresEnrollmentStoreConformanceTests: EnrollmentStoreConformance {
    override func makeStore() throws -> any EnrollmentStore {
        try PostgresDatabase(url: PostgresTestServer.require().makeDatabase()).enrollmentStore
    }

    override func reopen(_ store: any EnrollmentStore) throws -> (any EnrollmentStore)? {
        try PostgresDatabase(url: XCTUnwrap(store as? PostgresEnrollmentStore).database.url).enrollmentStore
    }

    func testConformance() async throws {
        _ = try PostgresTestServer.require()
        let passed = await runAll()
        XCTAssertEqual(passed, Self.allScenarios.count)
    }
}
