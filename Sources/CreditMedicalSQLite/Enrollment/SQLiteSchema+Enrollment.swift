import CreditMedicalStoreSupport

extension SQLiteSchema {
    /// Consent events and enrollment steps. Append only; never edit.
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
        Migration(.enrollment, "steps", """
            CREATE TABLE enrollment_steps (
                seq INTEGER PRIMARY KEY,
                enrollment_id TEXT NOT NULL,
                step TEXT NOT NULL,
                patient_id TEXT NOT NULL,
                at INTEGER NOT NULL,
                line_id TEXT,
                detail TEXT NOT NULL,
                UNIQUE (enrollment_id, step)
            );
            CREATE INDEX enrollment_steps_by_patient ON enrollment_steps (patient_id, step, seq);
            CREATE INDEX enrollment_steps_by_line ON enrollment_steps (line_id, seq) WHERE line_id IS NOT NULL;
            """),
    ]
}
