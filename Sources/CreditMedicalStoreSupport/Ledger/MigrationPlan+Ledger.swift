extension MigrationPlan {
    /// The ledger's tables: credit lines, holds and the journal (and, in PostgreSQL, the journal's
    /// counter row). Append only; never edit.
    static func ledger(_ d: SQLDialect) -> [Migration] {
        [
            Migration(.ledger, "create", (d == .postgres ? ledgerCounter : "") + """
                CREATE TABLE credit_lines (
                    id \(d.textPrimaryKey),
                    limit_fen \(d.integer) NOT NULL,
                    held_fen \(d.integer) NOT NULL,
                    outstanding_fen \(d.integer) NOT NULL,
                    status \(d.code) NOT NULL,
                    opened_at \(d.integer) NOT NULL,
                    updated_at \(d.integer) NOT NULL
                )\(d.withoutRowID);
                CREATE TABLE holds (
                    id \(d.textPrimaryKey),
                    line_id \(d.key) NOT NULL,
                    amount_fen \(d.integer) NOT NULL,
                    captured_fen \(d.integer) NOT NULL,
                    state \(d.code) NOT NULL,
                    placed_at \(d.integer) NOT NULL,
                    expires_at \(d.integer),
                    ended_at \(d.integer)
                )\(d.withoutRowID);
                CREATE INDEX holds_by_line ON holds (line_id, id);
                CREATE INDEX open_holds_by_expiry ON holds (expires_at, id) WHERE state = 0 AND expires_at IS NOT NULL;
                CREATE TABLE journal (
                    sequence \(d.integer) PRIMARY KEY,
                    idempotency_key \(d.key) NOT NULL UNIQUE,
                    at \(d.integer) NOT NULL,
                    kind \(d.code) NOT NULL,
                    line_id \(d.key) NOT NULL,
                    hold_id \(d.key),
                    amount_fen \(d.integer),
                    expires_at \(d.integer),
                    limit_delta \(d.integer) NOT NULL,
                    held_delta \(d.integer) NOT NULL,
                    outstanding_delta \(d.integer) NOT NULL,
                    limit_after \(d.integer) NOT NULL,
                    held_after \(d.integer) NOT NULL,
                    outstanding_after \(d.integer) NOT NULL,
                    status_after \(d.code) NOT NULL,
                    hold_amount_after \(d.integer),
                    hold_state_after \(d.code)
                );
                CREATE INDEX journal_by_line ON journal (line_id, sequence);
                """),
            // Each journal command's layout version and the fields beyond the common columns
            // (StoredCommand); entries written before are version 1 without more fields.
            Migration(.ledger, "command-detail", d == .postgres
                ? """
                    ALTER TABLE journal ADD COLUMN command_version bigint NOT NULL DEFAULT 1, ADD COLUMN command_detail text;
                    """
                : """
                    ALTER TABLE journal ADD COLUMN command_version INTEGER NOT NULL DEFAULT 1;
                    ALTER TABLE journal ADD COLUMN command_detail TEXT;
                    """),
            // Member lines (family members' caps on a guarantor's line): a line's guarantor and, on a
            // guarantor, its members' part of what it owes; a journal entry's move of the guarantor.
            Migration(.ledger, "family", d == .postgres
                ? """
                    ALTER TABLE credit_lines ADD COLUMN guarantor_id text COLLATE "C", ADD COLUMN members_outstanding_fen bigint NOT NULL DEFAULT 0;
                    CREATE INDEX credit_lines_by_guarantor ON credit_lines (guarantor_id, id) WHERE guarantor_id IS NOT NULL;
                    ALTER TABLE journal ADD COLUMN guarantor_id text COLLATE "C", ADD COLUMN guarantor_limit bigint, ADD COLUMN guarantor_held_after bigint,
                        ADD COLUMN guarantor_outstanding_after bigint;
                    """
                : """
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

    /// PostgreSQL's row that counts the journal's entries (SQLite reads the journal's last rowid).
    private static let ledgerCounter = """
        CREATE TABLE ledger_meta (
            id integer PRIMARY KEY CHECK (id = 1),
            last_sequence bigint NOT NULL
        );
        INSERT INTO ledger_meta VALUES (1, 0);

        """
}
