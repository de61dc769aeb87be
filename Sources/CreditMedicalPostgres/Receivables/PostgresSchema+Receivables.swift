import CreditMedicalStoreSupport

extension PostgresSchema {
    /// The receivables, the journal position they reflect, and the overdue job's events. Append
    /// only; never edit.
    ///
    /// The indexes of `receivables` serve: a line's statement and its open receivables (by line,
    /// capture time, hold); the overdue job's review (only receivables with something owed and a
    /// review time, by that time, so a run with nothing to do reads nothing); and the restrictions
    /// to lift (only paid receivables that restricted their line, by hold).
    static let receivables = [
        Migration(.receivables, "create", """
            CREATE TABLE receivables (
                hold_id text COLLATE "C" PRIMARY KEY,
                line_id text COLLATE "C" NOT NULL,
                captured_at bigint NOT NULL,
                due_at bigint NOT NULL,
                grace_ends_at bigint NOT NULL,
                principal_fen bigint NOT NULL,
                repaid_fen bigint NOT NULL,
                written_off_fen bigint NOT NULL,
                paid_off_at bigint,
                steps_done bigint NOT NULL,
                review_at bigint,
                restricted bigint NOT NULL CHECK (restricted IN (0, 1))
            );
            CREATE INDEX receivables_by_line ON receivables (line_id, captured_at, hold_id);
            CREATE INDEX receivables_to_review ON receivables (review_at, hold_id)
                WHERE principal_fen > repaid_fen + written_off_fen AND review_at IS NOT NULL;
            CREATE INDEX receivables_to_lift ON receivables (hold_id) WHERE principal_fen <= repaid_fen + written_off_fen AND restricted = 1;
            CREATE TABLE receivable_position (
                id integer PRIMARY KEY CHECK (id = 1),
                position bigint NOT NULL
            );
            INSERT INTO receivable_position (id, position) VALUES (1, 0);
            CREATE TABLE collection_events (
                seq bigserial PRIMARY KEY,
                id text COLLATE "C" NOT NULL UNIQUE,
                hold_id text COLLATE "C" NOT NULL,
                line_id text COLLATE "C" NOT NULL,
                step text NOT NULL,
                action text,
                outcome text NOT NULL,
                days_past_due bigint NOT NULL,
                owed_fen bigint NOT NULL,
                at bigint NOT NULL
            );
            CREATE INDEX collection_events_by_hold ON collection_events (hold_id, seq);
            CREATE TABLE write_offs (
                seq bigserial PRIMARY KEY,
                hold_id text COLLATE "C" NOT NULL UNIQUE,
                line_id text COLLATE "C" NOT NULL,
                amount_fen bigint NOT NULL,
                insurance_claim_fen bigint NOT NULL,
                subsidy_fen bigint NOT NULL,
                bank_loss_fen bigint NOT NULL,
                days_past_due bigint NOT NULL,
                policy text NOT NULL,
                at bigint NOT NULL
            );
            """),
    ]
}
