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

    func testUpgradeStartsEveryEncounterAtRevisionZero() throws {
        let url = try PostgresTestServer.require().makeDatabase()
        try PostgresDatabase(url: url).encounterStore.commit(Self.writtenBeforeRevisions())
        // Back to the schema before revisions existed.
        try PostgresTestServer.sql(url, """
            ALTER TABLE encounters DROP COLUMN revision, DROP COLUMN claimed_by, DROP COLUMN claimed_until;
            ALTER TABLE settlements DROP COLUMN attention_code, DROP COLUMN attention_reason, DROP COLUMN attention_since;
            ALTER TABLE notification_outbox DROP COLUMN attempts;
            DELETE FROM creditmedical_schema;
            INSERT INTO creditmedical_schema VALUES (2)
            """)
        try Self.checkUpgradedFromBeforeRevisions(PostgresDatabase(url: url).encounterStore)
    }
}
