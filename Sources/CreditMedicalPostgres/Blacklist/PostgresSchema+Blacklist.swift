import CreditMedicalStoreSupport

extension PostgresSchema {
    /// The arrears list's steps and its outbox of registry pushes. Append only; never edit.
    static let blacklist = [
        Migration(.blacklist, "entries", """
            CREATE TABLE arrears_events (
                seq bigserial PRIMARY KEY,
                entry_id text COLLATE "C" NOT NULL,
                step text COLLATE "C" NOT NULL,
                at bigint NOT NULL,
                patient_id text COLLATE "C",
                subject text COLLATE "C",
                line_id text COLLATE "C",
                detail text NOT NULL,
                UNIQUE (entry_id, step)
            );
            CREATE INDEX arrears_events_by_patient ON arrears_events (patient_id, seq) WHERE patient_id IS NOT NULL;
            CREATE INDEX arrears_events_by_subject ON arrears_events (subject, seq) WHERE subject IS NOT NULL;
            CREATE INDEX arrears_events_by_line ON arrears_events (line_id, seq) WHERE line_id IS NOT NULL;
            """),
        Migration(.blacklist, "registry-outbox", """
            CREATE TABLE registry_outbox (
                seq bigserial PRIMARY KEY,
                id text COLLATE "C" NOT NULL UNIQUE,
                push text NOT NULL,
                failed_attempts bigint NOT NULL DEFAULT 0,
                last_failure text,
                delivered_at bigint
            );
            CREATE INDEX registry_outbox_pending ON registry_outbox (seq) WHERE delivered_at IS NULL;
            """),
    ]
}
