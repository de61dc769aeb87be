import CreditMedicalStoreSupport

extension SQLiteSchema {
    /// The desk's tables: encounters, charges, settlement records and the notification outbox.
    /// Append only; never edit.
    static let encounters = [
        Migration(.encounters, "create", """
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
            """),
        // Each encounter's revision (see Encounter.revision); encounters written before count as 0.
        Migration(.encounters, "revision", """
            ALTER TABLE encounters ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
            """),
        // A desk's claim on an encounter (EncounterClaim), why a checkout is parked
        // (SettlementAttention), and how often delivering a notification failed.
        Migration(.encounters, "claims", """
            ALTER TABLE encounters ADD COLUMN claimed_by TEXT;
            ALTER TABLE encounters ADD COLUMN claimed_until INTEGER;
            ALTER TABLE settlements ADD COLUMN attention_code TEXT;
            ALTER TABLE settlements ADD COLUMN attention_reason TEXT;
            ALTER TABLE settlements ADD COLUMN attention_since INTEGER;
            ALTER TABLE notification_outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
            """),
        // The institution of each encounter (several hospitals on one deployment); encounters
        // written before belong to the unnamed one.
        Migration(.encounters, "institutions", """
            ALTER TABLE encounters ADD COLUMN institution_id TEXT NOT NULL DEFAULT 'default';
            """),
    ]
}
