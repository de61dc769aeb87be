import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalPostgres
import XCTest

final class PostgresReceivableStoreConformanceTests: ReceivableStoreConformance {
    override func makeStore() throws -> any ReceivableStore {
        try PostgresDatabase(url: PostgresTestServer.require().makeDatabase()).receivableStore
    }

    /// Another database handle on the same database: its own pool of connections, as another
    /// process has.
    override func reopen(_ store: any ReceivableStore) throws -> (any ReceivableStore)? {
        try PostgresDatabase(url: XCTUnwrap(store as? PostgresReceivableStore).database.url).receivableStore
    }

    func testConformance() async throws {
        _ = try PostgresTestServer.require()
        let passed = await runAll()
        XCTAssertEqual(passed, Self.allScenarios.count)
    }
}
