import CreditMedicalStoreSupport

extension SQLiteSchema {
    /// The receivables, the journal position they reflect, and the overdue job's events. Append
    /// only; never edit.
    ///
    /// `receivables` is keyed by its hold (without a rowid: a lookup or a page by hold reads one
    /// b-tree). Its indexes serve: a line's statement and its open receivables (by line, capture
    /// time, hold); the overdue job's review (only receivables with something owed and a review
    /// time, by that time, so a run with nothing to do reads nothing); and the restrictions to
    /// lift (only paid receivables that restricted their line, by hold).
    static let receivables = [
        Migration(.receivables, "create", """
            CREATE TABLE receivables (
                hold_id TEXT PRIMARY KEY NOT NULL,
                line_id TEXT NOT NULL,
                captured_at INTEGER NOT NULL,
                due_at INTEGER NOT NULL,
                grace_ends_at INTEGER NOT NULL,
                principal_fen INTEGER NOT NULL,
                repaid_fen INTEGER NOT NULL,
                written_off_fen INTEGER NOT NULL,
                paid_off_at INTEGER,
                steps_done INTEGER NOT NULL,
                review_at INTEGER,
                restricted INTEGER NOT NULL CHECK (restricted IN (0, 1))
            ) WITHOUT ROWID;
            CREATE INDEX receivables_by_line ON receivables (line_id, captured_at, hold_id);
            CREATE INDEX receivables_to_review ON receivables (review_at)
                WHERE principal_fen > repaid_fen + written_off_fen AND review_at IS NOT NULL;
            CREATE INDEX receivables_to_lift ON receivables (hold_id) WHERE principal_fen <= repaid_fen + written_off_fen AND restricted = 1;
            CREATE TABLE receivable_position (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                position INTEGER NOT NULL
            );
            INSERT INTO receivable_position (id, position) VALUES (1, 0);
            CREATE TABLE collection_events (
                seq INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                hold_id TEXT NOT NULL,
                line_id TEXT NOT NULL,
                step TEXT NOT NULL,
                action TEXT,
                outcome TEXT NOT NULL,
                days_past_due INTEGER NOT NULL,
                owed_fen INTEGER NOT NULL,
                at INTEGER NOT NULL
            );
            CREATE INDEX collection_events_by_hold ON collection_events (hold_id, seq);
            CREATE TABLE write_offs (
                seq INTEGER PRIMARY KEY,
                hold_id TEXT NOT NULL UNIQUE,
                line_id TEXT NOT NULL,
                amount_fen INTEGER NOT NULL,
                insurance_claim_fen INTEGER NOT NULL,
                subsidy_fen INTEGER NOT NULL,
                bank_loss_fen INTEGER NOT NULL,
                days_past_due INTEGER NOT NULL,
                policy text NOT NULL,
                at INTEGER NOT NULL
            );
            """),
    ]
}
