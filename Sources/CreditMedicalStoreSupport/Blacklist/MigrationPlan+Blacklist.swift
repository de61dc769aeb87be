extension MigrationPlan {
    /// The arrears list's steps and its outbox of registry pushes. Append only; never edit.
    static func blacklist(_ d: SQLDialect) -> [Migration] {
        [
            Migration(.blacklist, "entries", """
                CREATE TABLE arrears_events (
                    seq \(d.serial),
                    entry_id \(d.key) NOT NULL,
                    step \(d.key) NOT NULL,
                    at \(d.integer) NOT NULL,
                    patient_id \(d.key),
                    subject \(d.key),
                    line_id \(d.key),
                    detail \(d.text) NOT NULL,
                    UNIQUE (entry_id, step)
                );
                CREATE INDEX arrears_events_by_patient ON arrears_events (patient_id, seq) WHERE patient_id IS NOT NULL;
                CREATE INDEX arrears_events_by_subject ON arrears_events (subject, seq) WHERE subject IS NOT NULL;
                CREATE INDEX arrears_events_by_line ON arrears_events (line_id, seq) WHERE line_id IS NOT NULL;
                """),
            Migration(.blacklist, "registry-outbox", """
                CREATE TABLE registry_outbox (
                    seq \(d.serial),
                    id \(d.key) NOT NULL UNIQUE,
                    push \(d.text) NOT NULL,
                    failed_attempts \(d.integer) NOT NULL DEFAULT 0,
                    last_failure \(d.text),
                    delivered_at \(d.integer)
                );
                CREATE INDEX registry_outbox_pending ON registry_outbox (seq) WHERE delivered_at IS NULL;
                """),
        ]
    }
}
