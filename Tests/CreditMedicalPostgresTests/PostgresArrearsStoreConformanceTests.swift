import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalPostgres
import XCTest

final class PostgresArrearsStoreConformanceTests: ArrearsStoreConformance {
    override func makeStore() throws -> any ArrearsStore {
        try PostgresDatabase(url: PostgresTestServer.require().makeDatabase()).arrearsStore
    }

    override func reopen(_ store: any ArrearsStore) throws -> (any ArrearsStore)? {
        try PostgresDatabase(url: XCTUnwrap(store as? PostgresArrearsStore).database.url).arrearsStore
    }

    func testConformance() async throws {
        _ = try PostgresTestServer.require()
        let passed = await runAll()
        XCTAssertEqual(passed, Self.allScenarios.count)
    }
}
