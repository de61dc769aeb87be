import CreditMedicalStoreSupport

extension PostgresSchema {
    /// The ledger's tables: the journal's counter row, credit lines, holds and the journal.
    /// Append only; never edit.
    static let ledger = [
        Migration(.ledger, "create", """
            CREATE TABLE ledger_meta (
                id integer PRIMARY KEY CHECK (id = 1),
                last_sequence bigint NOT NULL
            );
            INSERT INTO ledger_meta VALUES (1, 0);
            CREATE TABLE credit_lines (
                id text COLLATE "C" PRIMARY KEY,
                limit_fen bigint NOT NULL,
                held_fen bigint NOT NULL,
                outstanding_fen bigint NOT NULL,
                status integer NOT NULL,
                opened_at bigint NOT NULL,
                updated_at bigint NOT NULL
            );
            CREATE TABLE holds (
                id text COLLATE "C" PRIMARY KEY,
                line_id text COLLATE "C" NOT NULL,
                amount_fen bigint NOT NULL,
                captured_fen bigint NOT NULL,
                state integer NOT NULL,
                placed_at bigint NOT NULL,
                expires_at bigint,
                ended_at bigint
            );
            CREATE INDEX holds_by_line ON holds (line_id, id);
            CREATE INDEX open_holds_by_expiry ON holds (expires_at, id) WHERE state = 0 AND expires_at IS NOT NULL;
            CREATE TABLE journal (
                sequence bigint PRIMARY KEY,
                idempotency_key text COLLATE "C" NOT NULL UNIQUE,
                at bigint NOT NULL,
                kind integer NOT NULL,
                line_id text COLLATE "C" NOT NULL,
                hold_id text COLLATE "C",
                amount_fen bigint,
                expires_at bigint,
                limit_delta bigint NOT NULL,
                held_delta bigint NOT NULL,
                outstanding_delta bigint NOT NULL,
                limit_after bigint NOT NULL,
                held_after bigint NOT NULL,
                outstanding_after bigint NOT NULL,
                status_after integer NOT NULL,
                hold_amount_after bigint,
                hold_state_after integer
            );
            CREATE INDEX journal_by_line ON journal (line_id, sequence);
            """),
        // Each journal command's layout version and the fields beyond the common columns
        // (StoredCommand); entries written before are version 1 without more fields.
        Migration(.ledger, "command-detail", """
            ALTER TABLE journal ADD COLUMN command_version bigint NOT NULL DEFAULT 1, ADD COLUMN command_detail text;
            """),
        // Member lines (family members' caps on a guarantor's line): a line's guarantor and, on a
        // guarantor, its members' part of what it owes; a journal entry's move of the guarantor.
        Migration(.ledger, "family", """
            ALTER TABLE credit_lines ADD COLUMN guarantor_id text COLLATE "C", ADD COLUMN members_outstanding_fen bigint NOT NULL DEFAULT 0;
            CREATE INDEX credit_lines_by_guarantor ON credit_lines (guarantor_id, id) WHERE guarantor_id IS NOT NULL;
            ALTER TABLE journal ADD COLUMN guarantor_id text COLLATE "C", ADD COLUMN guarantor_limit bigint, ADD COLUMN guarantor_held_after bigint,
                ADD COLUMN guarantor_outstanding_after bigint;
            """),
    ]
}
