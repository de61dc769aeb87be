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
        _ = try PostgresDatabase(url: url)
        _ = try PostgresDatabase(url: url)  // opening again runs nothing
        try PostgresTestServer.sql(url, "INSERT INTO creditmedical_migrations (name) VALUES ('ledger/from-a-newer-sdk')")
        XCTAssertThrowsError(try PostgresDatabase(url: url)) { error in
            XCTAssertEqual((error as? PostgresStoreError)?.code, .schemaTooNew, "\(error)")
            XCTAssertEqual((error as? PostgresStoreError)?.context["unknown_migrations"], "ledger/from-a-newer-sdk")
        }
        try PostgresTestServer.sql(url, "DELETE FROM creditmedical_migrations WHERE name = 'ledger/from-a-newer-sdk'; "
                                        + "INSERT INTO creditmedical_schema VALUES (6)")
        XCTAssertThrowsError(try PostgresDatabase(url: url), "a newer way of recording migrations") { error in
            XCTAssertEqual((error as? PostgresStoreError)?.code, .schemaTooNew, "\(error)")
        }
    }
}
