import CreditMedicalStoreSupport

extension SQLiteSchema {
    /// Consent events. Append only; never edit.
    static let enrollment = [
        Migration(.enrollment, "consents", """
            CREATE TABLE consent_events (
                seq INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                patient_id TEXT NOT NULL,
                document TEXT NOT NULL,
                version INTEGER NOT NULL,
                action TEXT NOT NULL,
                channel TEXT NOT NULL,
                agent_id TEXT,
                agent_relation TEXT,
                at INTEGER NOT NULL
            );
            CREATE INDEX consent_events_by_patient ON consent_events (patient_id, at, seq);
            """),
    ]
}
