import CreditMedicalCore
import CreditMedicalStoreSupport

/// What a database's record of its migrations means to this SDK.
extension PostgresSchema {
    /// The schema version recorded in the database, or `nil` when it has no
    /// `creditmedical_schema` table (it is not a CreditMedical database); creates nothing.
    static func storedVersion(on connection: PostgresConnection) throws(PostgresStoreError) -> Int64? {
        guard try connection.query("SELECT to_regclass('creditmedical_schema') IS NOT NULL").text(0, 0) == "t" else { return nil }
        return try connection.query("SELECT max(version) FROM creditmedical_schema").int64(0, 0) ?? 0
    }

    /// The migrations a database at `version` has run: those its number names before named
    /// migrations, else those `creditmedical_migrations` records. Throws
    /// `PostgresStoreError.Code.schemaTooNew` for a version or a migration this SDK does not know.
    static func recordedMigrations(version: Int64, on connection: PostgresConnection) throws(PostgresStoreError) -> Set<String> {
        guard version <= Int64(MigrationPlan.namedVersion) else {
            throw PostgresStoreError(.schemaTooNew, context: connection.place.merging(["schema_version": "\(version)"]) { $1 },
                                     details: "Upgrade the SDK before opening this database.")
        }
        guard version == Int64(MigrationPlan.namedVersion) else { return MigrationPlan.ran(byNumberedVersion: Int(version)) }
        let rows = try connection.query("SELECT name FROM creditmedical_migrations")
        let recorded = Set((0..<rows.count).compactMap { rows.text($0, 0) })
        let unknown = plan.unknown(in: recorded)
        guard unknown.isEmpty else {
            throw PostgresStoreError(.schemaTooNew, context: connection.place.merging(["unknown_migrations": unknown.joined(separator: ", ")]) { $1 },
                                     details: "Upgrade the SDK before opening this database.")
        }
        return recorded
    }

    /// Refuses a database that has not run exactly this SDK's migrations, reading only: one
    /// without the schema table, an older one and a newer one.
    static func requireCurrent(on connection: PostgresConnection) throws(PostgresStoreError) {
        guard let version = try storedVersion(on: connection) else {
            throw PostgresStoreError(.notACreditMedicalDatabase, context: connection.place,
                                     details: "no creditmedical_schema table")
        }
        let pending = plan.pending(after: try recordedMigrations(version: version, on: connection))
        guard pending.isEmpty else {
            throw PostgresStoreError(.needsMigration,
                                     context: connection.place.merging(["pending_migrations": pending.map(\.id).joined(separator: ", ")]) { $1 },
                                     details: "Open a PostgresDatabase on it once to migrate it.")
        }
    }
}
