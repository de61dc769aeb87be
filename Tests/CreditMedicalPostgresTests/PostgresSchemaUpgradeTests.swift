import CreditMedicalCore
import CreditMedicalHIS
@testable import CreditMedicalPostgres
import CreditMedicalStoreSupport
import CreditMedicalTestSupport
import XCTest

/// A database made by every earlier schema version opens with this SDK, is migrated by name, and
/// keeps everything it held; a migration missing by name runs alone.
final class PostgresSchemaUpgradeTests: XCTestCase {
    /// What each migration added, undone.
    private static let undo: [String: String] = [
        "blacklist/entries": "DROP TABLE arrears_events",
        "blacklist/registry-outbox": "DROP TABLE registry_outbox",
        "enrollment/consents": "DROP TABLE consent_events",
        "enrollment/steps": "DROP TABLE enrollment_steps",
        "receivables/create": "DROP TABLE receivables, receivable_position, collection_events, write_offs",
        "scoring/create": "DROP TABLE score_records",
        "ledger/family": """
            ALTER TABLE credit_lines DROP COLUMN guarantor_id, DROP COLUMN members_outstanding_fen;
            ALTER TABLE journal DROP COLUMN guarantor_id, DROP COLUMN guarantor_limit, DROP COLUMN guarantor_held_after, DROP COLUMN guarantor_outstanding_after
            """,
        "ledger/command-detail": "ALTER TABLE journal DROP COLUMN command_version, DROP COLUMN command_detail",
        "encounters/claims": """
            ALTER TABLE encounters DROP COLUMN claimed_by, DROP COLUMN claimed_until;
            ALTER TABLE settlements DROP COLUMN attention_code, DROP COLUMN attention_reason, DROP COLUMN attention_since;
            ALTER TABLE notification_outbox DROP COLUMN attempts
            """,
        "encounters/revision": "ALTER TABLE encounters DROP COLUMN revision",
        "encounters/institutions": "ALTER TABLE encounters DROP COLUMN institution_id",
        "encounters/create": "DROP TABLE encounters, charge_items, charge_refunds, settlements, notification_outbox",
    ]

    /// The numbered versions before migrations were recorded by name.
    private static let earlierVersions = 1...MigrationPlan.numbered.count

    func testTheWayBackToEachVersionMakesThatVersionsSchema() throws {
        XCTAssertEqual(Set(Self.undo.keys), Set(PostgresSchema.plan.ids.dropFirst()), "a way back from every migration but the first")
        let server = try PostgresTestServer.require()
        for version in Self.earlierVersions {
            let downgraded = try server.makeDatabase()
            _ = try PostgresDatabase(url: downgraded)
            try Self.downgrade(downgraded, to: version)
            let made = try server.makeDatabase()
            let ran = MigrationPlan.ran(byNumberedVersion: version)
            for migration in PostgresSchema.plan.migrations where ran.contains(migration.id) {
                try PostgresTestServer.sql(made, migration.sql)
            }
            try PostgresTestServer.sql(made, "CREATE TABLE creditmedical_schema (version integer NOT NULL); "
                                             + "INSERT INTO creditmedical_schema VALUES (\(version))")
            XCTAssertEqual(try Self.schema(of: downgraded), try Self.schema(of: made), "version \(version)")
        }
    }

    func testADatabaseOfEveryEarlierVersionUpgradesWithNothingLost() async throws {
        let server = try PostgresTestServer.require()
        for version in Self.earlierVersions {
            let url = try server.makeDatabase()
            let written = try await SchemaUpgradeFixture.write(on: PostgresDatabase(url: url))
            try Self.downgrade(url, to: version)

            let upgraded = try PostgresDatabase(url: url)
            XCTAssertEqual(try PostgresTestServer.scalar(url, "SELECT max(version) FROM creditmedical_schema"), "\(MigrationPlan.namedVersion)")
            XCTAssertEqual(try Self.recorded(in: url), PostgresDatabase.migrations.sorted(), "version \(version)")
            try await written.check(upgraded, upgradedFrom: version)
        }
    }

    func testAMigrationMissingByNameRunsAloneAndIsRecorded() throws {
        let url = try PostgresTestServer.require().makeDatabase()
        _ = try PostgresDatabase(url: url)
        let fresh = try Self.schema(of: url)
        try PostgresTestServer.sql(url, (Self.undo["encounters/claims"] ?? "")
                                        + "; DELETE FROM creditmedical_migrations WHERE name = 'encounters/claims'")
        XCTAssertThrowsError(try PostgresSnapshot(url: url)) { error in
            XCTAssertEqual((error as? PostgresStoreError)?.context["pending_migrations"], "encounters/claims", "\(error)")
        }
        _ = try PostgresDatabase(url: url)
        XCTAssertEqual(try Self.schema(of: url), fresh)
        XCTAssertEqual(try Self.recorded(in: url), PostgresDatabase.migrations.sorted())
    }

    /// Takes the database back to numbered `version`, as the SDK of that version left it.
    private static func downgrade(_ url: String, to version: Int) throws {
        let ran = MigrationPlan.ran(byNumberedVersion: version)
        for migration in PostgresSchema.plan.migrations.reversed() where !ran.contains(migration.id) {
            if let statements = undo[migration.id] { try PostgresTestServer.sql(url, statements) }
        }
        try PostgresTestServer.sql(url, "DROP TABLE creditmedical_migrations; DELETE FROM creditmedical_schema; "
                                        + "INSERT INTO creditmedical_schema VALUES (\(version))")
    }

    private static func recorded(in url: String) throws -> [String] {
        let rows = try PostgresConnection(url: url).query("SELECT name FROM creditmedical_migrations ORDER BY name")
        return (0..<rows.count).compactMap { rows.text($0, 0) }
    }

    /// Every column (table, name, type, nullable, default, collation) and every index's definition.
    private static func schema(of url: String) throws -> [String] {
        let connection = try PostgresConnection(url: url)
        let columns = try connection.query("""
            SELECT concat_ws(' ', table_name, column_name, data_type, is_nullable, coalesce(column_default, '-'), coalesce(collation_name, '-'))
            FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, column_name
            """)
        let indexes = try connection.query("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname")
        return (0..<columns.count).compactMap { columns.text($0, 0) } + (0..<indexes.count).compactMap { indexes.text($0, 0) }
    }
}
