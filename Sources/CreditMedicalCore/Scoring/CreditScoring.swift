/// Scores a patient the way a program decides credit: gathers the features from every
/// ``CreditDataSource`` at once (a source down is reported as missing, never as zero), adds what
/// the caller knows (such as a line's ``CreditLine/usageFeatures``), scores, and records the
/// decision before it answers.
public struct CreditScoring: Sendable {
    /// A patient whose features are gathered already, to be scored and recorded under `id`.
    public struct Applicant: Sendable, Hashable {
        public var patient: String
        public var id: String
        public var features: ApplicantFeatures

        public init(patient: String, id: String, features: ApplicantFeatures) {
            self.patient = patient
            self.id = id
            self.features = features
        }
    }

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
        try Self.check(patient: patient, id: id)
        if let recorded = try recorded(id, patient: patient) { return recorded }
        let gathered = await features(of: patient)
        return try await decide([Applicant(patient: patient, id: id, features: gathered.merging(known))])[0].get()
    }

    /// What the sources report on `patient`, asked all at once. A later source wins where two
    /// report one feature: the order is the sources' order, not the order they answered.
    public func features(of patient: String) async -> ApplicantFeatures {
        await withTaskGroup(of: (Int, ApplicantFeatures).self) { group in
            for (index, source) in sources.enumerated() { group.addTask { (index, await source.features(of: patient)) } }
            return await group.reduce(into: []) { $0.append($1) }.sorted { $0.0 < $1.0 }.reduce(ApplicantFeatures()) { $0.merging($1.1) }
        }
    }

    /// Scores `applicants` on the features given and records the decisions in one append before
    /// it answers, one result per applicant. An id recorded before answers its recorded decision;
    /// an applicant fails as in ``decide(patient:id:known:)``, alone, and is not recorded. When
    /// the append fails, every applicant not recorded before fails with its error.
    public func decide(_ applicants: [Applicant]) async -> [Result<ScoreRecord, any Error>] {
        var answers: [Result<ScoreRecord, any Error>] = []
        var fresh: [(index: Int, record: ScoreRecord)] = []
        for applicant in applicants {
            do {
                try Self.check(patient: applicant.patient, id: applicant.id)
                if let recorded = try recorded(applicant.id, patient: applicant.patient) {
                    answers.append(.success(recorded))
                    continue
                }
                let decision = try await scorer.score(applicant.features)
                let record = ScoreRecord(id: applicant.id, patient: applicant.patient, decidedAt: clock.now(), decision: decision)
                fresh.append((answers.count, record))
                answers.append(.success(record))
            } catch {
                answers.append(.failure(error))
            }
        }
        guard !fresh.isEmpty else { return answers }
        do {
            let kept = try records.append(fresh.map(\.record))
            // Another call with the same id may have recorded first: answer what is recorded.
            for (index, record) in fresh where kept.contains(record.id) {
                answers[index] = .success(try records.record(id: record.id) ?? record)
            }
        } catch {
            for (index, _) in fresh { answers[index] = .failure(error) }
        }
        return answers
    }

    private func recorded(_ id: String, patient: String) throws -> ScoreRecord? {
        guard let recorded = try records.record(id: id) else { return nil }
        guard recorded.patient == patient else { throw ScoringError(.recordConflict, context: ["field": "id"], details: id) }
        return recorded
    }

    private static func check(patient: String, id: String) throws(ScoringError) {
        for (field, value) in [("patient", patient), ("id", id)] {
            if let rule = InputRules.identifierViolation(value, maximumLength: 128) {
                throw ScoringError(.invalidInput, context: ["field": field, "rule": rule.rawValue, "limit": "128"])
            }
        }
    }
}
