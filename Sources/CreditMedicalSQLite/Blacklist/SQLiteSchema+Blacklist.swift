import CreditMedicalStoreSupport

extension SQLiteSchema {
    /// The arrears list's steps and its outbox of registry pushes. Append only; never edit.
    static let blacklist = [
        Migration(.blacklist, "entries", """
            CREATE TABLE arrears_events (
                seq INTEGER PRIMARY KEY,
                entry_id TEXT NOT NULL,
                step TEXT NOT NULL,
                at INTEGER NOT NULL,
                patient_id TEXT,
                subject TEXT,
                line_id TEXT,
                detail TEXT NOT NULL,
                UNIQUE (entry_id, step)
            );
            CREATE INDEX arrears_events_by_patient ON arrears_events (patient_id, seq) WHERE patient_id IS NOT NULL;
            CREATE INDEX arrears_events_by_subject ON arrears_events (subject, seq) WHERE subject IS NOT NULL;
            CREATE INDEX arrears_events_by_line ON arrears_events (line_id, seq) WHERE line_id IS NOT NULL;
            """),
        Migration(.blacklist, "registry-outbox", """
            CREATE TABLE registry_outbox (
                seq INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                push TEXT NOT NULL,
                failed_attempts INTEGER NOT NULL DEFAULT 0,
                last_failure TEXT,
                delivered_at INTEGER
            );
            CREATE INDEX registry_outbox_pending ON registry_outbox (seq) WHERE delivered_at IS NULL;
            """),
    ]
}
