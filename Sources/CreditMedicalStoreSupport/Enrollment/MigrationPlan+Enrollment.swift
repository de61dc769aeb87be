extension MigrationPlan {
    /// Consent events and enrollment steps. Append only; never edit.
    static func enrollment(_ d: SQLDialect) -> [Migration] {
        [
            Migration(.enrollment, "consents", """
                CREATE TABLE consent_events (
                    seq \(d.serial),
                    id \(d.key) NOT NULL UNIQUE,
                    patient_id \(d.key) NOT NULL,
                    document \(d.text) NOT NULL,
                    version \(d.integer) NOT NULL,
                    action \(d.text) NOT NULL,
                    channel \(d.text) NOT NULL,
                    agent_id \(d.text),
                    agent_relation \(d.text),
                    at \(d.integer) NOT NULL
                );
                CREATE INDEX consent_events_by_patient ON consent_events (patient_id, at, seq);
                """),
            Migration(.enrollment, "steps", """
                CREATE TABLE enrollment_steps (
                    seq \(d.serial),
                    enrollment_id \(d.key) NOT NULL,
                    step \(d.text) NOT NULL,
                    patient_id \(d.key) NOT NULL,
                    at \(d.integer) NOT NULL,
                    line_id \(d.key),
                    detail \(d.text) NOT NULL,
                    UNIQUE (enrollment_id, step)
                );
                CREATE INDEX enrollment_steps_by_patient ON enrollment_steps (patient_id, step, seq);
                CREATE INDEX enrollment_steps_by_line ON enrollment_steps (line_id, seq) WHERE line_id IS NOT NULL;
                """),
        ]
    }
}
