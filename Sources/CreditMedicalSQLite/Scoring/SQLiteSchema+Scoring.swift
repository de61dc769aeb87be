import CreditMedicalStoreSupport

extension SQLiteSchema {
    /// The score decisions. Append only; never edit.
    static let scoring = [
        Migration(.scoring, "create", """
            CREATE TABLE score_records (
                seq INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                patient_id TEXT NOT NULL,
                decided_at INTEGER NOT NULL,
                scorer_id TEXT NOT NULL,
                scorer_version TEXT NOT NULL,
                score INTEGER NOT NULL,
                fallback_code TEXT,
                decision TEXT NOT NULL
            );
            CREATE INDEX score_records_by_patient ON score_records (patient_id, decided_at, seq);
            """),
    ]
}
