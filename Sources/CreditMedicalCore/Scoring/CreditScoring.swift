/// Scores a patient the way a program decides credit: gathers the features from every
/// ``CreditDataSource`` at once (a source down is reported as missing, never as zero), adds what
/// the caller knows (such as a line's ``CreditLine/usageFeatures``), scores, and records the
/// decision before it answers.
public struct CreditScoring: Sendable {
    public let sources: [any CreditDataSource]
    public let scorer: any CreditScorer
    public let records: any ScoreRecordStore
    public let clock: any TimeSource

    public init(sources: [any CreditDataSource], scorer: any CreditScorer, records: any ScoreRecordStore, clock: any TimeSource) {
        self.sources = sources
        self.scorer = scorer
        self.records = records
        self.clock = clock
    }

    /// Scores `patient` and records the decision under `id`. When `id` was recorded before,
    /// answers the recorded decision without asking the sources or the scorer again.
    ///
    /// Throws `ScoringError.Code.invalidInput` for a patient or id that breaks an
    /// ``InputRule``, `ScoringError.Code.recordConflict` for an id recorded for another patient,
    /// and what the scorer or the store throws; then nothing is recorded.
    public func decide(patient: String, id: String, known: ApplicantFeatures = [:]) async throws -> ScoreRecord {
        for (field, value) in [("patient", patient), ("id", id)] {
            if let rule = InputRules.identifierViolation(value, maximumLength: 128) {
                throw ScoringError(.invalidInput, context: ["field": field, "rule": rule.rawValue, "limit": "128"])
            }
        }
        if let recorded = try records.record(id: id) {
            guard recorded.patient == patient else { throw ScoringError(.recordConflict, context: ["field": "id"], details: id) }
            return recorded
        }
        let gathered = await withTaskGroup(of: (Int, ApplicantFeatures).self) { group in
            for (index, source) in sources.enumerated() { group.addTask { (index, await source.features(of: patient)) } }
            // A later source wins where two report one feature: the order is the sources' order, not the order they answered.
            return await group.reduce(into: []) { $0.append($1) }.sorted { $0.0 < $1.0 }.reduce(ApplicantFeatures()) { $0.merging($1.1) }
        }
        let decision = try await scorer.score(gathered.merging(known))
        let record = ScoreRecord(id: id, patient: patient, decidedAt: clock.now(), decision: decision)
        try records.append(record)
        // Another call with the same id may have recorded first: answer what is recorded.
        return try records.record(id: id) ?? record
    }
}
