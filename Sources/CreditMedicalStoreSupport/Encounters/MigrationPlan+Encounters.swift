extension MigrationPlan {
    /// The desk's tables: encounters, charges, settlement records and the notification outbox.
    /// Append only; never edit.
    static func encounters(_ d: SQLDialect) -> [Migration] {
        [
            Migration(.encounters, "create", """
                CREATE TABLE encounters (
                    id \(d.textPrimaryKey),
                    kind \(d.text) NOT NULL,
                    patient_id \(d.text) NOT NULL,
                    line_id \(d.key),
                    insurance_number \(d.text),
                    commercial_policy \(d.text),
                    department \(d.text) NOT NULL,
                    payment_mode \(d.text) NOT NULL,
                    status \(d.text) NOT NULL,
                    opened_at \(d.integer) NOT NULL,
                    closed_at \(d.integer),
                    locked_fen \(d.integer) NOT NULL,
                    uncovered_fen \(d.integer) NOT NULL,
                    billed_through \(d.integer),
                    credit_steps \(d.integer) NOT NULL,
                    round \(d.integer) NOT NULL
                )\(d.withoutRowID);
                CREATE TABLE charge_items (
                    seq \(d.serial),
                    encounter_id \(d.key) NOT NULL,
                    item_id \(d.key) NOT NULL,
                    code \(d.text) NOT NULL,
                    name \(d.text) NOT NULL,
                    category \(d.text) NOT NULL,
                    insurance_class \(d.text) NOT NULL,
                    quantity_thousandths \(d.integer) NOT NULL,
                    unit_price_fen \(d.integer) NOT NULL,
                    amount_fen \(d.integer) NOT NULL,
                    department \(d.text) NOT NULL,
                    doctor \(d.text) NOT NULL,
                    charged_at \(d.integer) NOT NULL,
                    UNIQUE (encounter_id, item_id)
                );
                CREATE TABLE charge_refunds (
                    seq \(d.serial),
                    encounter_id \(d.key) NOT NULL,
                    refund_id \(d.key) NOT NULL,
                    item_id \(d.key) NOT NULL,
                    quantity_thousandths \(d.integer) NOT NULL,
                    refunded_at \(d.integer) NOT NULL,
                    UNIQUE (encounter_id, refund_id)
                );
                CREATE TABLE settlements (
                    encounter_id \(d.key) NOT NULL,
                    round \(d.integer) NOT NULL,
                    step \(d.text) NOT NULL,
                    started_at \(d.integer) NOT NULL,
                    total_fen \(d.integer) NOT NULL,
                    medical_settlement_id \(d.text),
                    medical_fund_fen \(d.integer),
                    medical_account_fen \(d.integer),
                    medical_cash_fen \(d.integer),
                    commercial_claim_id \(d.text),
                    commercial_paid_fen \(d.integer),
                    split_fund_fen \(d.integer),
                    split_account_fen \(d.integer),
                    split_commercial_fen \(d.integer),
                    split_credit_fen \(d.integer),
                    split_excess_fen \(d.integer),
                    captured_at \(d.integer),
                    advance_due_by \(d.integer),
                    advance_paid_at \(d.integer),
                    refund_owed_fen \(d.integer) NOT NULL,
                    updated_at \(d.integer) NOT NULL,
                    PRIMARY KEY (encounter_id, round)
                )\(d.withoutRowID);
                CREATE INDEX settlements_unfinished ON settlements (started_at, encounter_id)
                    WHERE step NOT IN ('completed', 'reversed');
                CREATE INDEX settlements_awaiting_advance ON settlements (advance_due_by, encounter_id)
                    WHERE advance_due_by IS NOT NULL AND advance_paid_at IS NULL;
                CREATE TABLE notification_outbox (
                    seq \(d.serial),
                    id \(d.key) NOT NULL UNIQUE,
                    patient_id \(d.text) NOT NULL,
                    kind \(d.text) NOT NULL,
                    text \(d.text) NOT NULL
                );
                """),
            // Each encounter's revision (see Encounter.revision); encounters written before count as 0.
            Migration(.encounters, "revision", """
                ALTER TABLE encounters ADD COLUMN revision \(d.integer) NOT NULL DEFAULT 0;
                """),
            // A desk's claim on an encounter (EncounterClaim), why a checkout is parked
            // (SettlementAttention), and how often delivering a notification failed.
            Migration(.encounters, "claims", d == .postgres
                ? """
                    ALTER TABLE encounters ADD COLUMN claimed_by text, ADD COLUMN claimed_until bigint;
                    ALTER TABLE settlements ADD COLUMN attention_code text, ADD COLUMN attention_reason text, ADD COLUMN attention_since bigint;
                    ALTER TABLE notification_outbox ADD COLUMN attempts bigint NOT NULL DEFAULT 0;
                    """
                : """
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
                ALTER TABLE encounters ADD COLUMN institution_id \(d.text) NOT NULL DEFAULT 'default';
                """),
        ]
    }
}
