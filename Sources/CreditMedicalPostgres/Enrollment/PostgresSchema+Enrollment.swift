import CreditMedicalStoreSupport

extension PostgresSchema {
    /// Consent events and enrollment steps. Append only; never edit.
    static let enrollment = [
        Migration(.enrollment, "consents", """
            CREATE TABLE consent_events (
                seq bigserial PRIMARY KEY,
                id text COLLATE "C" NOT NULL UNIQUE,
                patient_id text COLLATE "C" NOT NULL,
                document text NOT NULL,
                version bigint NOT NULL,
                action text NOT NULL,
                channel text NOT NULL,
                agent_id text,
                agent_relation text,
                at bigint NOT NULL
            );
            CREATE INDEX consent_events_by_patient ON consent_events (patient_id, at, seq);
            """),
        Migration(.enrollment, "steps", """
            CREATE TABLE enrollment_steps (
                seq bigserial PRIMARY KEY,
                enrollment_id text COLLATE "C" NOT NULL,
                step text NOT NULL,
                patient_id text COLLATE "C" NOT NULL,
                at bigint NOT NULL,
                line_id text COLLATE "C",
                detail text NOT NULL,
                UNIQUE (enrollment_id, step)
            );
            CREATE INDEX enrollment_steps_by_patient ON enrollment_steps (patient_id, step, seq);
            CREATE INDEX enrollment_steps_by_line ON enrollment_steps (line_id, seq) WHERE line_id IS NOT NULL;
            """),
    ]
}
