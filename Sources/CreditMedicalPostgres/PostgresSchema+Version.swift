/// What a database's recorded schema version means to this SDK.
extension PostgresSchema {
    /// The schema version recorded in the database, or `nil` when it has no
    /// `creditmedical_schema` table (it is not a CreditMedical database); creates nothing.
    static func storedVersion(on connection: PostgresConnection) throws(PostgresStoreError) -> Int64? {
        guard try connection.query("SELECT to_regclass('creditmedical_schema') IS NOT NULL").text(0, 0) == "t" else { return nil }
        return try connection.query("SELECT max(version) FROM creditmedical_schema").int64(0, 0) ?? 0
    }

    /// Throws ``PostgresStoreError/Code/schemaTooNew`` for a version this SDK does not know.
    static func refuseNewer(_ version: Int64, on connection: PostgresConnection) throws(PostgresStoreError) {
        guard version <= Int64(migrations.count) else {
            throw PostgresStoreError(.schemaTooNew, context: connection.place.merging(versions(version)) { $1 },
                                     details: "Upgrade the SDK before opening this database.")
        }
    }

    /// The version of a database this SDK reads as it is, without migrating it: refuses one
    /// without the schema table, an older one and a newer one.
    static func requireCurrent(on connection: PostgresConnection) throws(PostgresStoreError) -> Int {
        guard let version = try storedVersion(on: connection) else {
            throw PostgresStoreError(.notACreditMedicalDatabase, context: connection.place,
                                     details: "no creditmedical_schema table")
        }
        try refuseNewer(version, on: connection)
        guard version == Int64(migrations.count) else {
            throw PostgresStoreError(.needsMigration, context: connection.place.merging(versions(version)) { $1 },
                                     details: "Open a PostgresDatabase on it once to migrate it.")
        }
        return Int(version)
    }

    private static func versions(_ stored: Int64) -> [String: String] {
        ["schema_version": "\(stored)", "sdk_schema_version": "\(migrations.count)"]
    }
}
