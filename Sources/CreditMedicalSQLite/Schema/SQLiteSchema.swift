import CreditMedicalStoreSupport

/// The database's schema: named migrations grouped by domain (defined for both stores in
/// `MigrationPlan`), run on open in order, each once, and recorded by name in `creditmedical_migrations`. `user_version`
/// stays at ``MigrationPlan/namedVersion``, so an SDK from before named migrations refuses the
/// file as newer; a file of such an SDK (versions 1 to 4) is taken to have run the migrations
/// its version names (``MigrationPlan/numbered``). A database that recorded a migration this SDK
/// does not know is refused with ``SQLiteStoreError/Code/schemaTooNew``.
enum SQLiteSchema {
    /// Marks the file as a CreditMedical ledger (`PRAGMA application_id`, "CMLD").
    static let applicationID: Int64 = 0x434D_4C44

    /// Every migration, in the order they run.
    static let plan = MigrationPlan(.sqlite)

    private static let recordTable = """
        CREATE TABLE IF NOT EXISTS creditmedical_migrations (
            name TEXT PRIMARY KEY NOT NULL,
            recorded_at INTEGER NOT NULL DEFAULT (CAST(strftime('%s', 'now') AS INTEGER) * 1000)
        ) WITHOUT ROWID
        """

    /// Refuses a database that has not run exactly this SDK's migrations, reading only.
    static func requireCurrent(_ connection: SQLiteConnection, path: String) throws {
        let recorded = try recordedMigrations(of: connection, path: path, allowingNew: false)
        let pending = plan.pending(after: recorded.names)
        guard recorded.byName, pending.isEmpty else {
            let missing = pending.map(\.id).joined(separator: ", ")
            throw SQLiteStoreError(.needsMigration, message: "The database lacks the migrations \(missing); open it once to migrate it.",
                                   path: path)
        }
    }

    /// The migrations the database has run, and whether it records them by name; refuses a
    /// database of another application and one that a newer SDK has migrated.
    private static func recordedMigrations(of connection: SQLiteConnection, path: String?,
                                           allowingNew: Bool) throws -> (names: Set<String>, byName: Bool) {
        let application = try connection.scalar("PRAGMA application_id") ?? 0
        let version = Int(try connection.scalar("PRAGMA user_version") ?? 0)
        let isNew = try application == 0 && version == 0 && (connection.scalar("SELECT count(*) FROM sqlite_master") ?? 0) == 0
        if isNew && !allowingNew {
            // Such as a file whose creator was stopped before its first migration committed.
            throw SQLiteStoreError(.needsMigration, message: "The database has no tables yet; open it once to create them.", path: path)
        }
        guard application == applicationID || isNew else {
            throw SQLiteStoreError(.notALedgerDatabase, message: "The file is a SQLite database of another application.", path: path)
        }
        guard version <= MigrationPlan.namedVersion else {
            throw SQLiteStoreError(.schemaTooNew, message:
                "The database has schema version \(version); this SDK knows up to \(MigrationPlan.namedVersion). Upgrade the SDK.", path: path)
        }
        guard version == MigrationPlan.namedVersion else { return (MigrationPlan.ran(byNumberedVersion: version), false) }
        let names = Set(try connection.rows(of: "SELECT name FROM creditmedical_migrations", []) { $0.text(0) as String })
        let unknown = plan.unknown(in: names)
        guard unknown.isEmpty else {
            throw SQLiteStoreError(.schemaTooNew, message:
                "The database has run migrations this SDK does not know (\(unknown.joined(separator: ", "))). Upgrade the SDK.", path: path)
        }
        return (names, true)
    }

    /// Brings the database to this SDK's migrations, or refuses it. A database that has run them
    /// all is only read: opening it takes no write lock.
    static func migrate(_ connection: SQLiteConnection) throws {
        // Each read is its own transaction, and another process may be migrating the file in
        // between: only a file that reads as current is taken as it is; anything else is decided
        // in the write transaction, which sees one moment.
        let current = try connection.scalar("PRAGMA application_id") == applicationID
            && connection.scalar("PRAGMA user_version") == Int64(MigrationPlan.namedVersion)
            && Set(connection.rows(of: "SELECT name FROM creditmedical_migrations", []) { $0.text(0) as String }) == Set(plan.ids)
        if current { return }
        try connection.writeTransaction {
            let recorded = try recordedMigrations(of: connection, path: nil, allowingNew: true)
            try connection.execute(recordTable)
            let record = try connection.statement("INSERT OR IGNORE INTO creditmedical_migrations (name) VALUES (?1)")
            func note(_ name: String) throws {
                try record.bind(.text(name))
                while try record.step() {}
            }
            for name in recorded.names.sorted() { try note(name) }
            for migration in plan.pending(after: recorded.names) {
                try connection.execute(migration.sql)
                try note(migration.id)
            }
            try connection.execute("PRAGMA application_id = \(applicationID); PRAGMA user_version = \(MigrationPlan.namedVersion)")
        }
    }
}
