/// The store's versioned schema. Migrations run on open, in order, each once, under an advisory
/// lock so that instances opening together do not race; `creditmedical_schema` records how many
/// have run. A database with more migrations than this version knows is refused with
/// ``PostgresStoreError/Code/schemaTooNew``.
///
/// Identifier columns use the `C` collation, so they sort by bytes exactly as the other stores do.
enum PostgresSchema {
    /// Migration `n` brings the schema from version `n` to `n + 1`. Append only; never edit.
    static let migrations: [String] = [
        """
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
        """,
        // 2: the credit desk's encounters, charges, settlements and notification outbox.
        """
        CREATE TABLE encounters (
            id text COLLATE "C" PRIMARY KEY,
            kind text NOT NULL,
            patient_id text NOT NULL,
            line_id text COLLATE "C",
            insurance_number text,
            commercial_policy text,
            department text NOT NULL,
            payment_mode text NOT NULL,
            status text NOT NULL,
            opened_at bigint NOT NULL,
            closed_at bigint,
            locked_fen bigint NOT NULL,
            uncovered_fen bigint NOT NULL,
            billed_through bigint,
            credit_steps bigint NOT NULL,
            round bigint NOT NULL
        );
        CREATE TABLE charge_items (
            seq bigserial PRIMARY KEY,
            encounter_id text COLLATE "C" NOT NULL,
            item_id text COLLATE "C" NOT NULL,
            code text NOT NULL,
            name text NOT NULL,
            category text NOT NULL,
            insurance_class text NOT NULL,
            quantity_thousandths bigint NOT NULL,
            unit_price_fen bigint NOT NULL,
            amount_fen bigint NOT NULL,
            department text NOT NULL,
            doctor text NOT NULL,
            charged_at bigint NOT NULL,
            UNIQUE (encounter_id, item_id)
        );
        CREATE TABLE charge_refunds (
            seq bigserial PRIMARY KEY,
            encounter_id text COLLATE "C" NOT NULL,
            refund_id text COLLATE "C" NOT NULL,
            item_id text COLLATE "C" NOT NULL,
            quantity_thousandths bigint NOT NULL,
            refunded_at bigint NOT NULL,
            UNIQUE (encounter_id, refund_id)
        );
        CREATE TABLE settlements (
            encounter_id text COLLATE "C" NOT NULL,
            round bigint NOT NULL,
            step text NOT NULL,
            started_at bigint NOT NULL,
            total_fen bigint NOT NULL,
            medical_settlement_id text,
            medical_fund_fen bigint,
            medical_account_fen bigint,
            medical_cash_fen bigint,
            commercial_claim_id text,
            commercial_paid_fen bigint,
            split_fund_fen bigint,
            split_account_fen bigint,
            split_commercial_fen bigint,
            split_credit_fen bigint,
            split_excess_fen bigint,
            captured_at bigint,
            advance_due_by bigint,
            advance_paid_at bigint,
            refund_owed_fen bigint NOT NULL,
            updated_at bigint NOT NULL,
            PRIMARY KEY (encounter_id, round)
        );
        CREATE INDEX settlements_unfinished ON settlements (started_at, encounter_id)
            WHERE step NOT IN ('completed', 'reversed');
        CREATE INDEX settlements_awaiting_advance ON settlements (advance_due_by, encounter_id)
            WHERE advance_due_by IS NOT NULL AND advance_paid_at IS NULL;
        CREATE TABLE notification_outbox (
            seq bigserial PRIMARY KEY,
            id text COLLATE "C" NOT NULL UNIQUE,
            patient_id text NOT NULL,
            kind text NOT NULL,
            text text NOT NULL
        );
        """,
        // 3: each encounter's revision (see Encounter.revision); encounters written before count as 0.
        """
        ALTER TABLE encounters ADD COLUMN revision bigint NOT NULL DEFAULT 0;
        """,
        // 4: a desk's claim on an encounter (EncounterClaim), why a checkout is parked
        // (SettlementAttention), and how often delivering a notification failed.
        """
        ALTER TABLE encounters ADD COLUMN claimed_by text, ADD COLUMN claimed_until bigint;
        ALTER TABLE settlements ADD COLUMN attention_code text, ADD COLUMN attention_reason text, ADD COLUMN attention_since bigint;
        ALTER TABLE notification_outbox ADD COLUMN attempts bigint NOT NULL DEFAULT 0;
        """,
    ]

    /// An arbitrary constant naming the migration lock.
    private static let migrationLock = 0x434D_4C44

    /// Brings the database to the latest version, or refuses it.
    static func migrate(_ connection: PostgresConnection) throws {
        try connection.transaction {
            try connection.query("SELECT pg_advisory_xact_lock($1)", [.integer(Int64(migrationLock))])
            try connection.execute("CREATE TABLE IF NOT EXISTS creditmedical_schema (version integer NOT NULL)")
            let version = try connection.query("SELECT max(version) FROM creditmedical_schema").int64(0, 0) ?? 0
            try refuseNewer(version, on: connection)
            for migration in migrations.dropFirst(Int(version)) {
                try connection.execute(migration)
            }
            if version < Int64(migrations.count) {
                try connection.query("INSERT INTO creditmedical_schema VALUES ($1)", [.integer(Int64(migrations.count))])
            }
        }
    }
}
