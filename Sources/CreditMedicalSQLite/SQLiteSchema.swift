/// The store's versioned schema. Migrations run on open, in order, each once; `user_version`
/// records how many have run. A database with more migrations than this version knows is
/// refused with ``SQLiteStoreError/Code/schemaTooNew``.
enum SQLiteSchema {
    /// Marks the file as a CreditMedical ledger (`PRAGMA application_id`, "CMLD").
    static let applicationID: Int64 = 0x434D_4C44

    /// Migration `n` brings the schema from version `n` to `n + 1`. Append only; never edit.
    static let migrations: [String] = [
        """
        CREATE TABLE credit_lines (
            id TEXT PRIMARY KEY NOT NULL,
            limit_fen INTEGER NOT NULL,
            held_fen INTEGER NOT NULL,
            outstanding_fen INTEGER NOT NULL,
            status INTEGER NOT NULL,
            opened_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE holds (
            id TEXT PRIMARY KEY NOT NULL,
            line_id TEXT NOT NULL,
            amount_fen INTEGER NOT NULL,
            captured_fen INTEGER NOT NULL,
            state INTEGER NOT NULL,
            placed_at INTEGER NOT NULL,
            expires_at INTEGER,
            ended_at INTEGER
        ) WITHOUT ROWID;
        CREATE INDEX holds_by_line ON holds (line_id, id);
        CREATE INDEX open_holds_by_expiry ON holds (expires_at, id) WHERE state = 0 AND expires_at IS NOT NULL;
        CREATE TABLE journal (
            sequence INTEGER PRIMARY KEY,
            idempotency_key TEXT NOT NULL UNIQUE,
            at INTEGER NOT NULL,
            kind INTEGER NOT NULL,
            line_id TEXT NOT NULL,
            hold_id TEXT,
            amount_fen INTEGER,
            expires_at INTEGER,
            limit_delta INTEGER NOT NULL,
            held_delta INTEGER NOT NULL,
            outstanding_delta INTEGER NOT NULL,
            limit_after INTEGER NOT NULL,
            held_after INTEGER NOT NULL,
            outstanding_after INTEGER NOT NULL,
            status_after INTEGER NOT NULL,
            hold_amount_after INTEGER,
            hold_state_after INTEGER
        );
        CREATE INDEX journal_by_line ON journal (line_id, sequence);
        """,
    ]

    /// Brings the database to the latest version, or refuses it.
    static func migrate(_ connection: SQLiteConnection) throws {
        try connection.writeTransaction {
            let application = try connection.scalar("PRAGMA application_id") ?? 0
            let version = try connection.scalar("PRAGMA user_version") ?? 0
            let tables = try connection.scalar("SELECT count(*) FROM sqlite_master") ?? 0
            guard application == applicationID || (application == 0 && version == 0 && tables == 0) else {
                throw SQLiteStoreError(.notALedgerDatabase, message: "The file is a SQLite database of another application.")
            }
            guard version <= Int64(migrations.count) else {
                throw SQLiteStoreError(.schemaTooNew, message:
                    "The database has schema version \(version); this SDK knows up to \(migrations.count). Upgrade the SDK.")
            }
            for migration in migrations.dropFirst(Int(version)) {
                try connection.execute(migration)
            }
            try connection.execute("PRAGMA application_id = \(applicationID); PRAGMA user_version = \(migrations.count)")
        }
    }
}
