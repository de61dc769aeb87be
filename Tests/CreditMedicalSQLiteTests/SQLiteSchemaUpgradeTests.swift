import CreditMedicalCore
import CreditMedicalHIS
@testable import CreditMedicalSQLite
import CreditMedicalStoreSupport
import CreditMedicalTestSupport
import XCTest

/// A database made by every earlier schema version opens with this SDK, is migrated by name, and
/// keeps everything it held; a migration missing by name runs alone.
final class SQLiteSchemaUpgradeTests: XCTestCase {
    /// What each migration added, undone.
    private static let undo: [String: [String]] = [
        "blacklist/entries": ["DROP TABLE arrears_events"],
        "blacklist/registry-outbox": ["DROP TABLE registry_outbox"],
        "enrollment/consents": ["DROP TABLE consent_events"],
        "enrollment/steps": ["DROP TABLE enrollment_steps"],
        "receivables/create": ["DROP TABLE receivables", "DROP TABLE receivable_position", "DROP TABLE collection_events", "DROP TABLE write_offs"],
        "scoring/create": ["DROP TABLE score_records"],
        "ledger/family": ["DROP INDEX credit_lines_by_guarantor", "ALTER TABLE credit_lines DROP COLUMN guarantor_id",
                          "ALTER TABLE credit_lines DROP COLUMN members_outstanding_fen", "ALTER TABLE journal DROP COLUMN guarantor_id",
                          "ALTER TABLE journal DROP COLUMN guarantor_limit",
                          "ALTER TABLE journal DROP COLUMN guarantor_held_after", "ALTER TABLE journal DROP COLUMN guarantor_outstanding_after"],
        "ledger/command-detail": ["ALTER TABLE journal DROP COLUMN command_version", "ALTER TABLE journal DROP COLUMN command_detail"],
        "encounters/claims": ["ALTER TABLE encounters DROP COLUMN claimed_by", "ALTER TABLE encounters DROP COLUMN claimed_until",
                              "ALTER TABLE settlements DROP COLUMN attention_code", "ALTER TABLE settlements DROP COLUMN attention_reason",
                              "ALTER TABLE settlements DROP COLUMN attention_since", "ALTER TABLE notification_outbox DROP COLUMN attempts"],
        "encounters/revision": ["ALTER TABLE encounters DROP COLUMN revision"],
        "encounters/institutions": ["ALTER TABLE encounters DROP COLUMN institution_id"],
        "encounters/create": ["DROP TABLE encounters", "DROP TABLE charge_items", "DROP TABLE charge_refunds", "DROP TABLE settlements",
                              "DROP TABLE notification_outbox"],
    ]

    /// The numbered versions before migrations were recorded by name.
    private static let earlierVersions = 1...MigrationPlan.numbered.count

    func testTheWayBackToEachVersionMakesThatVersionsSchema() throws {
        let directory = try TemporaryDirectory()
        XCTAssertEqual(Set(Self.undo.keys), Set(SQLiteSchema.plan.ids.dropFirst()), "a way back from every migration but the first")
        for version in Self.earlierVersions {
            let downgraded = try SQLiteConnection(path: directory.file("down-\(version).sqlite"))
            try SQLiteSchema.migrate(downgraded)
            try Self.downgrade(downgraded, to: version)
            let made = try SQLiteConnection(path: directory.file("made-\(version).sqlite"))
            for migration in SQLiteSchema.plan.migrations where MigrationPlan.ran(byNumberedVersion: version).contains(migration.id) {
                try made.execute(migration.sql)
            }
            XCTAssertEqual(try Self.schema(of: downgraded), try Self.schema(of: made), "version \(version)")
        }
    }

    func testADatabaseOfEveryEarlierVersionUpgradesWithNothingLost() async throws {
        let directory = try TemporaryDirectory()
        for version in Self.earlierVersions {
            let path = directory.file("v\(version).sqlite")
            let written = try await SchemaUpgradeFixture.write(on: SQLiteDatabase(path: path))
            let downgraded = try SQLiteConnection(path: path)
            try Self.downgrade(downgraded, to: version)

            let upgraded = try SQLiteDatabase(path: path)
            XCTAssertEqual(try downgraded.scalar("PRAGMA user_version"), Int64(MigrationPlan.namedVersion), "version \(version)")
            XCTAssertEqual(try Self.recorded(in: downgraded), SQLiteDatabase.migrations.sorted(), "version \(version)")
            try await written.check(upgraded, upgradedFrom: version)
        }
    }

    func testAMigrationMissingByNameRunsAloneAndIsRecorded() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("named.sqlite")
        _ = try SQLiteDatabase(path: path)
        let connection = try SQLiteConnection(path: path)
        let fresh = try Self.schema(of: connection)
        for statement in Self.undo["encounters/institutions"] ?? [] { try connection.execute(statement) }
        try connection.execute("DELETE FROM creditmedical_migrations WHERE name = 'encounters/institutions'")

        _ = try SQLiteDatabase(path: path)
        XCTAssertEqual(try Self.schema(of: connection), fresh)
        XCTAssertEqual(try Self.recorded(in: connection), SQLiteDatabase.migrations.sorted())
    }

    /// Takes the database back to numbered `version`, as the SDK of that version left it.
    private static func downgrade(_ connection: SQLiteConnection, to version: Int) throws {
        let ran = MigrationPlan.ran(byNumberedVersion: version)
        for migration in SQLiteSchema.plan.migrations.reversed() where !ran.contains(migration.id) {
            for statement in undo[migration.id] ?? [] { try connection.execute(statement) }
        }
        try connection.execute("DROP TABLE creditmedical_migrations; PRAGMA user_version = \(version)")
    }

    private static func recorded(in connection: SQLiteConnection) throws -> [String] {
        try connection.rows(of: "SELECT name FROM creditmedical_migrations ORDER BY name", []) { $0.text(0) }
    }

    /// Every table's columns (name, type, not null, default, key) and every index's name.
    private static func schema(of connection: SQLiteConnection) throws -> [String] {
        let tables: [String] = try connection.rows(of: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", []) { $0.text(0) }
        var schema: [String] = try connection.rows(of: "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name", []) {
            "index \($0.text(0) as String)"
        }
        for table in tables {
            schema += try connection.rows(of: "SELECT name, type, \"notnull\", coalesce(dflt_value, ''), pk FROM pragma_table_info(?1)",
                                          [.text(table)]) { row -> String in
                let (name, type, defaultValue): (String, String, String) = (row.text(0), row.text(1), row.text(3))
                return "\(table).\(name) \(type) \(row.int64(2)) \(defaultValue) \(row.int64(4))"
            }
        }
        return schema
    }
}
