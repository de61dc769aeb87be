import CreditMedicalConformance
import CreditMedicalCore
import CreditMedicalPostgres
import XCTest

final class PostgresLedgerStoreConformanceTests: LedgerStoreConformance {
    override func makeStore() throws -> any LedgerStore {
        try PostgresLedgerStore(url: PostgresTestServer.require().makeDatabase())
    }

    override func reopen(_ store: any LedgerStore) throws -> (any LedgerStore)? {
        try PostgresLedgerStore(url: XCTUnwrap(store as? PostgresLedgerStore).database.url)
    }

    func testConformance() async throws {
        _ = try PostgresTestServer.require()
        let passed = await runAll()
        XCTAssertEqual(passed, Self.allScenarios.count)
    }

    func testADatabaseOfANewerSchemaIsRefused() throws {
        let url = try PostgresTestServer.require().makeDatabase()
        _ = try PostgresLedgerStore(url: url)
        let newer = PostgresDatabase.schemaVersion + 1
        _ = try PostgresLedgerStore(url: url)  // opening again runs nothing
        try PostgresTestServer.sql(url, "INSERT INTO creditmedical_schema VALUES (\(newer))")
        XCTAssertThrowsError(try PostgresLedgerStore(url: url)) { error in
            XCTAssertEqual((error as? PostgresStoreError)?.code, .schemaTooNew, "\(error)")
        }
    }
}
