package import CreditMedicalCore

/// How both SQL stores keep a ``ScoreRecord`` in `score_records`: the columns an auditor queries
/// (patient, time, scorer, score, fallback) and the whole decision as JSON, which is read back.
package enum ScoreRecordColumns {
    /// The history of score decisions; a patient's are read in the order decided (`decided_at, seq`).
    package static let table = HistoryTable<ScoreRecord>(
        "score_records", of: "score record",
        columns: ["id", "patient_id", "decided_at", "scorer_id", "scorer_version", "score", "fallback_code", "decision"], key: "id",
        values: values, decode: { record($0) })

    /// The values of the table's columns for `record`; the fallback code is the failed scorer's
    /// when a fallback decided.
    static func values(_ record: ScoreRecord) throws -> [StoredValue] {
        let decision = record.decision
        return [.text(record.id), .text(record.patient), .integer(record.decidedAt.millisecondsSince1970), .text(decision.scorer.id),
                .text(decision.scorer.version), .integer(Int64(decision.score)), .optional(decision.fallback?.code),
                .text(try StoredJSON.text(decision))]
    }

    /// The record of a row of the table's columns; `nil` when the decision is not JSON this SDK wrote.
    static func record(_ row: some StoredRow) -> ScoreRecord? {
        guard let id = row.text(0), let patient = row.text(1), let decidedAt = row.integer(2),
              let decision = row.text(7).flatMap({ try? StoredJSON.value(ScoreDecision.self, from: $0) })
        else { return nil }
        return ScoreRecord(id: id, patient: patient, decidedAt: Timestamp(millisecondsSince1970: decidedAt), decision: decision)
    }
}
