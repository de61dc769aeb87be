extension MigrationPlan {
    /// The score decisions. Append only; never edit.
    static func scoring(_ d: SQLDialect) -> [Migration] {
        [
            Migration(.scoring, "create", """
                CREATE TABLE score_records (
                    seq \(d.serial),
                    id \(d.key) NOT NULL UNIQUE,
                    patient_id \(d.key) NOT NULL,
                    decided_at \(d.integer) NOT NULL,
                    scorer_id \(d.text) NOT NULL,
                    scorer_version \(d.text) NOT NULL,
                    score \(d.integer) NOT NULL,
                    fallback_code \(d.text),
                    decision \(d.text) NOT NULL
                );
                CREATE INDEX score_records_by_patient ON score_records (patient_id, decided_at, seq);
                """),
        ]
    }
}
