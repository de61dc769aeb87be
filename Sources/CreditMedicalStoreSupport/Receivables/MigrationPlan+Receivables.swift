extension MigrationPlan {
    /// The receivables, the journal position they reflect, and the overdue job's events. Append
    /// only; never edit.
    ///
    /// `receivables` is keyed by its hold (in SQLite without a rowid: a lookup or a page by hold
    /// reads one b-tree). Its indexes serve: a line's statement and its open receivables (by line,
    /// capture time, hold); the overdue job's review (only receivables with something owed and a
    /// review time, by that time, so a run with nothing to do reads nothing; an SQLite index of a
    /// table without rowid ends with the key anyway); and the restrictions to lift (only paid
    /// receivables that restricted their line, by hold). `policy` is spelled `text` in both
    /// dialects, as released.
    static func receivables(_ d: SQLDialect) -> [Migration] {
        [
            Migration(.receivables, "create", """
                CREATE TABLE receivables (
                    hold_id \(d.textPrimaryKey),
                    line_id \(d.key) NOT NULL,
                    captured_at \(d.integer) NOT NULL,
                    due_at \(d.integer) NOT NULL,
                    grace_ends_at \(d.integer) NOT NULL,
                    principal_fen \(d.integer) NOT NULL,
                    repaid_fen \(d.integer) NOT NULL,
                    written_off_fen \(d.integer) NOT NULL,
                    paid_off_at \(d.integer),
                    steps_done \(d.integer) NOT NULL,
                    review_at \(d.integer),
                    restricted \(d.integer) NOT NULL CHECK (restricted IN (0, 1))
                )\(d.withoutRowID);
                CREATE INDEX receivables_by_line ON receivables (line_id, captured_at, hold_id);
                CREATE INDEX receivables_to_review ON receivables (review_at\(d == .postgres ? ", hold_id" : ""))
                    WHERE principal_fen > repaid_fen + written_off_fen AND review_at IS NOT NULL;
                CREATE INDEX receivables_to_lift ON receivables (hold_id) WHERE principal_fen <= repaid_fen + written_off_fen AND restricted = 1;
                CREATE TABLE receivable_position (
                    id \(d.code) PRIMARY KEY CHECK (id = 1),
                    position \(d.integer) NOT NULL
                );
                INSERT INTO receivable_position (id, position) VALUES (1, 0);
                CREATE TABLE collection_events (
                    seq \(d.serial),
                    id \(d.key) NOT NULL UNIQUE,
                    hold_id \(d.key) NOT NULL,
                    line_id \(d.key) NOT NULL,
                    step \(d.text) NOT NULL,
                    action \(d.text),
                    outcome \(d.text) NOT NULL,
                    days_past_due \(d.integer) NOT NULL,
                    owed_fen \(d.integer) NOT NULL,
                    at \(d.integer) NOT NULL
                );
                CREATE INDEX collection_events_by_hold ON collection_events (hold_id, seq);
                CREATE TABLE write_offs (
                    seq \(d.serial),
                    hold_id \(d.key) NOT NULL UNIQUE,
                    line_id \(d.key) NOT NULL,
                    amount_fen \(d.integer) NOT NULL,
                    insurance_claim_fen \(d.integer) NOT NULL,
                    subsidy_fen \(d.integer) NOT NULL,
                    bank_loss_fen \(d.integer) NOT NULL,
                    days_past_due \(d.integer) NOT NULL,
                    policy text NOT NULL,
                    at \(d.integer) NOT NULL
                );
                """),
        ]
    }
}
