package import CreditMedicalCore
import Foundation

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
        decision = String(decoding: try Self.encoder.encode(record.decision), as: UTF8.self)
    }

    /// The record of stored columns.
    package static func record(id: String, patient: String, decidedAt: Int64, decision: String) throws -> ScoreRecord {
        ScoreRecord(id: id, patient: patient, decidedAt: Timestamp(millisecondsSince1970: decidedAt),
                    decision: try decoder.decode(ScoreDecision.self, from: Data(decision.utf8)))
    }

    /// Keys sorted, so equal decisions are equal text; a NaN or infinite input is kept as text.
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }()
}
