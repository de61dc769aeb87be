package import CreditMedicalCore

/// How both SQL stores keep a ``ScoreRecord``: the columns an auditor queries (patient, time,
/// scorer, score, fallback) and the whole decision as JSON, which is read back.
package struct ScoreRecordColumns: Sendable {
    package let id: String
    package let patient: String
    package let decidedAt: Int64
    package let scorerID: String
    package let scorerVersion: String
    package let score: Int64
    /// The failed scorer's code when a fallback decided.
    package let fallbackCode: String?
    package let decision: String

    /// The columns of `record`.
    package init(_ record: ScoreRecord) throws {
        id = record.id
        patient = record.patient
        decidedAt = record.decidedAt.millisecondsSince1970
        scorerID = record.decision.scorer.id
        scorerVersion = record.decision.scorer.version
        score = Int64(record.decision.score)
        fallbackCode = record.decision.fallback?.code
        decision = try StoredJSON.text(record.decision)
    }

    /// The record of stored columns.
    package static func record(id: String, patient: String, decidedAt: Int64, decision: String) throws -> ScoreRecord {
        ScoreRecord(id: id, patient: patient, decidedAt: Timestamp(millisecondsSince1970: decidedAt),
                    decision: try StoredJSON.value(ScoreDecision.self, from: decision))
    }
}
