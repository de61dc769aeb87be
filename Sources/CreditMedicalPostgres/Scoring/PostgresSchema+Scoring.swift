import CreditMedicalStoreSupport

extension PostgresSchema {
    /// The score decisions. Append only; never edit.
    static let scoring = [
        Migration(.scoring, "create", """
            CREATE TABLE score_records (
                seq bigserial PRIMARY KEY,
                id text COLLATE "C" NOT NULL UNIQUE,
                patient_id text COLLATE "C" NOT NULL,
                decided_at bigint NOT NULL,
                scorer_id text NOT NULL,
                scorer_version text NOT NULL,
                score bigint NOT NULL,
                fallback_code text,
                decision text NOT NULL
            );
            CREATE INDEX score_records_by_patient ON score_records (patient_id, decided_at, seq);
            """),
    ]
}
