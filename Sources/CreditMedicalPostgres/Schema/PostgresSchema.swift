import CreditMedicalStoreSupport

/// The database's schema: named migrations grouped by domain (defined for both stores in
/// `MigrationPlan`), run on open in order, each once, under an advisory lock so that instances opening together do not
/// race, and recorded by name in `creditmedical_migrations`. `creditmedical_schema` holds
/// ``MigrationPlan/namedVersion``, so an SDK from before named migrations refuses the database as
/// newer; a database of such an SDK (versions 1 to 4) is taken to have run the migrations its
/// version names (``MigrationPlan/numbered``). A database that recorded a migration this SDK does
/// not know is refused with `PostgresStoreError.Code.schemaTooNew`.
///
/// Identifier columns use the `C` collation, so they sort by bytes exactly as the other stores do.
enum PostgresSchema {
    /// Every migration, in the order they run.
    static let plan = MigrationPlan(.postgres)

    /// An arbitrary constant naming the migration lock.
    private static let migrationLock = 0x434D_4C44

    /// Brings the database to this SDK's migrations, or refuses it.
    static func migrate(_ connection: PostgresConnection) throws {
        try connection.transaction {
            try connection.query("SELECT pg_advisory_xact_lock($1)", [.integer(Int64(migrationLock))])
            try connection.execute("""
                CREATE TABLE IF NOT EXISTS creditmedical_schema (version integer NOT NULL);
                CREATE TABLE IF NOT EXISTS creditmedical_migrations (
                    name text COLLATE "C" PRIMARY KEY,
                    recorded_at timestamptz NOT NULL DEFAULT now()
                )
                """)
            let version = try connection.query("SELECT max(version) FROM creditmedical_schema").int64(0, 0) ?? 0
            let recorded = try recordedMigrations(version: version, on: connection)
            let pending = plan.pending(after: recorded)
            let names = recorded.sorted() + pending.map(\.id)
            for migration in pending { try connection.execute(migration.sql) }
            try connection.query("INSERT INTO creditmedical_migrations (name) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING",
                                 [PostgresLedgerRows.array(names)])
            if version < Int64(MigrationPlan.namedVersion) {
                try connection.query("INSERT INTO creditmedical_schema VALUES ($1)", [.integer(Int64(MigrationPlan.namedVersion))])
            }
        }
    }
}
