import CreditMedicalStoreSupport

extension PostgresSchema {
    /// The desk's tables: encounters, charges, settlement records and the notification outbox.
    /// Append only; never edit.
    static let encounters = [
        Migration(.encounters, "create", """
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
            """),
        // Each encounter's revision (see Encounter.revision); encounters written before count as 0.
        Migration(.encounters, "revision", """
            ALTER TABLE encounters ADD COLUMN revision bigint NOT NULL DEFAULT 0;
            """),
        // A desk's claim on an encounter (EncounterClaim), why a checkout is parked
        // (SettlementAttention), and how often delivering a notification failed.
        Migration(.encounters, "claims", """
            ALTER TABLE encounters ADD COLUMN claimed_by text, ADD COLUMN claimed_until bigint;
            ALTER TABLE settlements ADD COLUMN attention_code text, ADD COLUMN attention_reason text, ADD COLUMN attention_since bigint;
            ALTER TABLE notification_outbox ADD COLUMN attempts bigint NOT NULL DEFAULT 0;
            """),
        // The institution of each encounter (several hospitals on one deployment); encounters
        // written before belong to the unnamed one.
        Migration(.encounters, "institutions", """
            ALTER TABLE encounters ADD COLUMN institution_id text NOT NULL DEFAULT 'default';
            """),
    ]
}
