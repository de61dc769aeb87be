/// A decision as recorded: whom it scored, when, and the decision with its scorer, inputs, score,
/// reasons and fallback, so a refused patient and an auditor can be told why.
public struct ScoreRecord: Sendable, Hashable, Codable {
    /// Unique per decision, chosen by the caller (for example the enrollment's id): recording the
    /// same id twice keeps the first record.
    public let id: String
    /// The HIS's patient id.
    public let patient: String
    public let decidedAt: Timestamp
    public let decision: ScoreDecision

    public init(id: String, patient: String, decidedAt: Timestamp, decision: ScoreDecision) {
        self.id = id
        self.patient = patient
        self.decidedAt = decidedAt
        self.decision = decision
    }
}
