import CreditMedicalStoreSupport

extension PostgresSchema {
    /// Consent events. Append only; never edit.
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
    ]
}
