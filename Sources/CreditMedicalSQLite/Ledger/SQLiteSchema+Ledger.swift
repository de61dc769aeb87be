import CreditMedicalStoreSupport

extension SQLiteSchema {
    /// The ledger's tables: credit lines, holds and the journal. Append only; never edit.
    static let ledger = [
        Migration(.ledger, "create", """
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
            """),
        // Each journal command's layout version and the fields beyond the common columns
        // (StoredCommand); entries written before are version 1 without more fields.
        Migration(.ledger, "command-detail", """
            ALTER TABLE journal ADD COLUMN command_version INTEGER NOT NULL DEFAULT 1;
            ALTER TABLE journal ADD COLUMN command_detail TEXT;
            """),
        // Member lines (family members' caps on a guarantor's line): a line's guarantor and, on a
        // guarantor, its members' part of what it owes; a journal entry's move of the guarantor.
        Migration(.ledger, "family", """
            ALTER TABLE credit_lines ADD COLUMN guarantor_id TEXT;
            ALTER TABLE credit_lines ADD COLUMN members_outstanding_fen INTEGER NOT NULL DEFAULT 0;
            CREATE INDEX credit_lines_by_guarantor ON credit_lines (guarantor_id, id) WHERE guarantor_id IS NOT NULL;
            ALTER TABLE journal ADD COLUMN guarantor_id TEXT;
            ALTER TABLE journal ADD COLUMN guarantor_limit INTEGER;
            ALTER TABLE journal ADD COLUMN guarantor_held_after INTEGER;
            ALTER TABLE journal ADD COLUMN guarantor_outstanding_after INTEGER;
            """),
    ]
}
