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
        // 2: the credit desk's encounters, charges, settlements and notification outbox.
        """
        CREATE TABLE encounters (
            id TEXT PRIMARY KEY NOT NULL,
            kind TEXT NOT NULL,
            patient_id TEXT NOT NULL,
            line_id TEXT,
            insurance_number TEXT,
            commercial_policy TEXT,
            department TEXT NOT NULL,
            payment_mode TEXT NOT NULL,
            status TEXT NOT NULL,
            opened_at INTEGER NOT NULL,
            closed_at INTEGER,
            locked_fen INTEGER NOT NULL,
            uncovered_fen INTEGER NOT NULL,
            billed_through INTEGER,
            credit_steps INTEGER NOT NULL,
            round INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE charge_items (
            seq INTEGER PRIMARY KEY,
            encounter_id TEXT NOT NULL,
            item_id TEXT NOT NULL,
            code TEXT NOT NULL,
            name TEXT NOT NULL,
            category TEXT NOT NULL,
            insurance_class TEXT NOT NULL,
            quantity_thousandths INTEGER NOT NULL,
            unit_price_fen INTEGER NOT NULL,
            amount_fen INTEGER NOT NULL,
            department TEXT NOT NULL,
            doctor TEXT NOT NULL,
            charged_at INTEGER NOT NULL,
            UNIQUE (encounter_id, item_id)
        );
        CREATE TABLE charge_refunds (
            seq INTEGER PRIMARY KEY,
            encounter_id TEXT NOT NULL,
            refund_id TEXT NOT NULL,
            item_id TEXT NOT NULL,
            quantity_thousandths INTEGER NOT NULL,
            refunded_at INTEGER NOT NULL,
            UNIQUE (encounter_id, refund_id)
        );
        CREATE TABLE settlements (
            encounter_id TEXT NOT NULL,
            round INTEGER NOT NULL,
            step TEXT NOT NULL,
            started_at INTEGER NOT NULL,
            total_fen INTEGER NOT NULL,
            medical_settlement_id TEXT,
            medical_fund_fen INTEGER,
            medical_account_fen INTEGER,
            medical_cash_fen INTEGER,
            commercial_claim_id TEXT,
            commercial_paid_fen INTEGER,
            split_fund_fen INTEGER,
            split_account_fen INTEGER,
            split_commercial_fen INTEGER,
            split_credit_fen INTEGER,
            split_excess_fen INTEGER,
            captured_at INTEGER,
            advance_due_by INTEGER,
            advance_paid_at INTEGER,
            refund_owed_fen INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (encounter_id, round)
        ) WITHOUT ROWID;
        CREATE INDEX settlements_unfinished ON settlements (started_at, encounter_id)
            WHERE step NOT IN ('completed', 'reversed');
        CREATE INDEX settlements_awaiting_advance ON settlements (advance_due_by, encounter_id)
            WHERE advance_due_by IS NOT NULL AND advance_paid_at IS NULL;
        CREATE TABLE notification_outbox (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            patient_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            text TEXT NOT NULL
        );
        """,
        // 3: each encounter's revision (see Encounter.revision); encounters written before count as 0.
        """
        ALTER TABLE encounters ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
        """,
        // 4: a desk's claim on an encounter (EncounterClaim), why a checkout is parked
        // (SettlementAttention), and how often delivering a notification failed.
        """
        ALTER TABLE encounters ADD COLUMN claimed_by TEXT;
        ALTER TABLE encounters ADD COLUMN claimed_until INTEGER;
        ALTER TABLE settlements ADD COLUMN attention_code TEXT;
        ALTER TABLE settlements ADD COLUMN attention_reason TEXT;
        ALTER TABLE settlements ADD COLUMN attention_since INTEGER;
        ALTER TABLE notification_outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
        """,
    ]

    /// Refuses a database that is not at this SDK's schema version, reading only.
    static func requireCurrent(_ connection: SQLiteConnection, path: String) throws {
        let version = try version(of: connection, path: path, allowingNew: false)
        guard version == migrations.count else {
            throw SQLiteStoreError(.needsMigration, message: "The database has schema version \(version); this SDK's is \(migrations.count).",
                                   path: path)
        }
    }

    /// The database's schema version (0 for a new, empty file when `allowingNew`); refuses a
    /// database of another application and a newer one.
    private static func version(of connection: SQLiteConnection, path: String?, allowingNew: Bool) throws -> Int {
        let application = try connection.scalar("PRAGMA application_id") ?? 0
        let version = try connection.scalar("PRAGMA user_version") ?? 0
        let empty = allowingNew && application == 0 && version == 0
        let isNew = try empty && (connection.scalar("SELECT count(*) FROM sqlite_master") ?? 0) == 0
        guard application == applicationID || isNew else {
            throw SQLiteStoreError(.notALedgerDatabase, message: "The file is a SQLite database of another application.", path: path)
        }
        guard version <= Int64(migrations.count) else {
            throw SQLiteStoreError(.schemaTooNew, message:
                "The database has schema version \(version); this SDK knows up to \(migrations.count). Upgrade the SDK.", path: path)
        }
        return Int(version)
    }

    /// Brings the database to the latest version, or refuses it. A database already at the latest
    /// version is only read: opening it takes no write lock.
    static func migrate(_ connection: SQLiteConnection) throws {
        // Each read is its own transaction, and another process may be migrating the file in
        // between: only a file that reads as current is taken as it is; anything else is decided
        // in the write transaction, which sees one moment.
        let current = try connection.scalar("PRAGMA application_id") == applicationID
            && connection.scalar("PRAGMA user_version") == Int64(migrations.count)
        if current { return }
        try connection.writeTransaction {
            let version = try version(of: connection, path: nil, allowingNew: true)
            for migration in migrations.dropFirst(Int(version)) {
                try connection.execute(migration)
            }
            try connection.execute("PRAGMA application_id = \(applicationID); PRAGMA user_version = \(migrations.count)")
        }
    }
}
