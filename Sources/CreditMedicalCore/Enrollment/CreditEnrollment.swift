/// Enrolls patients (签约) as a saga: checks eligibility on the features the
/// ``CreditDataSource``s report, scores them, takes the bank's initial line
/// (`CreditProviderAdapter.line(_:)`) as the base of the score's tier (以银行初始授信为基准,
/// 梯度出额), and opens the line in the ledger.
///
/// Every step is recorded in the ``EnrollmentStore`` before the next one starts, so a crash at
/// any point resumes where it stopped when the request is submitted again: the features, the
/// score and the bank's answer are read back, not asked for again, and the line is opened once
/// (its key is `enrollment/ID/open`). Only a crash between the bank's answer and its recording
/// asks the bank again, with a query that changes nothing at the bank.
///
/// Requests go through in batches: each step of a batch is one append, one scoring append and one
/// ledger batch, so many enrollments share each write.
public struct CreditEnrollment: Sendable {
    /// The program's rules.
    public struct Configuration: Sendable {
        /// The consent document a patient must have signed in its current version.
        public var consentDocument: String
        public var eligibility: EligibilityPolicy
        public var limits: LimitPolicy
        /// The institutions of the platform a request may name; `nil` for any.
        public var institutions: Set<InstitutionID>?
        /// The arrears check: a patient listed here or in the registry is refused with the rule
        /// `arrears_listed`, naming each listing's reason; `nil` for none.
        public var arrears: ArrearsScreening?

        public init(consentDocument: String, eligibility: EligibilityPolicy, limits: LimitPolicy, institutions: Set<InstitutionID>? = nil,
                    arrears: ArrearsScreening? = nil) {
            self.consentDocument = consentDocument
            self.eligibility = eligibility
            self.limits = limits
            self.institutions = institutions
            self.arrears = arrears
        }
    }

    public let configuration: Configuration
    public let consents: ConsentBook
    public let scoring: CreditScoring
    /// The banks by id; a request names one.
    public let banks: [String: any CreditProviderAdapter]
    public let ledger: Ledger
    public let store: any EnrollmentStore

    public init(configuration: Configuration, consents: ConsentBook, scoring: CreditScoring, banks: [String: any CreditProviderAdapter],
                ledger: Ledger, store: any EnrollmentStore) {
        self.configuration = configuration
        self.consents = consents
        self.scoring = scoring
        self.banks = banks
        self.ledger = ledger
        self.store = store
    }

    /// Enrolls, or resumes, one request and answers where it stands: open or refused (or in
    /// progress, when a store or the bank failed; then submit it again).
    ///
    /// Throws an ``EnrollmentError`` for a request that cannot start (see the batch
    /// `enroll(_:)`), and what a store, the scorer or the ledger throws; what was recorded stays,
    /// and submitting the request again resumes.
    public func enroll(_ request: EnrollmentRequest) async throws -> EnrollmentStatus {
        try await enroll([request])[0].get()
    }

    /// Enrolls, or resumes, every request, one result each.
    ///
    /// A new request must name a known bank (`enrollment.unknown_bank`), an institution of the
    /// platform when it names one (`enrollment.unknown_institution`), and a line the ledger
    /// does not have (`enrollment.line_exists`); its patient must have signed the consent
    /// (`enrollment.consent_missing`) and have no other enrollment in progress or open at that
    /// bank (`enrollment.already_enrolled`). An id recorded for another request is
    /// `enrollment.request_conflict`. Those are refused before anything is recorded.
    public func enroll(_ requests: [EnrollmentRequest]) async -> [Result<EnrollmentStatus, any Error>] {
        let batch = EnrollmentBatch(requests: requests) { try admit($0) }
        batch.record(in: store, at: ledger.clock.now()) { $0.steps.isEmpty ? [.requested($0.request)] : nil }
        await check(batch)
        await grant(batch)
        await open(batch)
        return batch.results
    }

    /// Where enrollment `id` stands; `nil` when nothing is recorded under it.
    public func status(of id: String) throws -> EnrollmentStatus? {
        let steps = try store.steps(of: id)
        return steps.isEmpty ? nil : EnrollmentStatus(steps: steps)
    }

    /// The recorded steps of a request, after checking that it may start or resume.
    private func admit(_ request: EnrollmentRequest) throws -> [EnrollmentStep] {
        let named = [("id", request.id), ("patient", request.patient), ("line", request.line.rawValue)]
            + (request.institution.map { [("institution", $0.rawValue)] } ?? [])
        for (field, value) in named {
            if let rule = InputRules.identifierViolation(value, maximumLength: 128) {
                throw EnrollmentError(.invalidInput, context: ["field": field, "rule": rule.rawValue, "limit": "128"])
            }
        }
        guard banks[request.bank] != nil else { throw EnrollmentError(.unknownBank, context: ["bank": request.bank]) }
        if let institution = request.institution, let known = configuration.institutions, !known.contains(institution) {
            throw EnrollmentError(.unknownInstitution, context: ["institution": institution.rawValue])
        }
        if let recorded = try recordedSteps(of: request) { return recorded }
        do {
            try checkNew(request)
        } catch {
            // Another process may have started this enrollment meanwhile (its line now exists, its
            // patient is now enrolled): then this one resumes it.
            if let recorded = try recordedSteps(of: request) { return recorded }
            throw error
        }
        return []
    }

    /// The steps recorded for `request`'s id, `nil` when there are none; throws
    /// `enrollment.request_conflict` when they are another request's.
    private func recordedSteps(of request: EnrollmentRequest) throws -> [EnrollmentStep]? {
        let steps = try store.steps(of: request.id)
        guard let first = steps.first else { return nil }
        guard case .requested(request) = first.event else { throw EnrollmentError(.requestConflict, details: request.id) }
        return steps
    }

    /// Checks that `request`, recorded nowhere yet, may start.
    private func checkNew(_ request: EnrollmentRequest) throws {
        let standing = try consents.standing(of: request.patient, in: configuration.consentDocument)
        guard standing.isCurrent else {
            throw EnrollmentError(.consentMissing, context: ["document": configuration.consentDocument, "standing": "\(standing)"])
        }
        for other in try store.enrollments(of: request.patient) where other != request.id {
            let steps = try store.steps(of: other)
            guard case .requested(let earlier) = steps.first?.event, earlier.bank == request.bank else { continue }
            if EnrollmentStatus(steps: steps).isActive {
                throw EnrollmentError(.alreadyEnrolled, context: ["enrollment": other, "bank": request.bank])
            }
        }
        guard try ledger.line(request.line) == nil else { throw EnrollmentError(.lineExists, context: ["line": request.line.rawValue]) }
    }

    /// Gathers the features of every requested enrollment, and its arrears standing when the
    /// program screens, and checks eligibility on them; a refusal is recorded with the check. A
    /// patient whose standing cannot be told stops with the error, nothing recorded for the check.
    private func check(_ batch: EnrollmentBatch) async {
        let waiting = batch.waiting(after: "requested")
        let gathered = await withTaskGroup(of: (Int, ApplicantFeatures, Result<ArrearsStanding?, any Error>).self) { group in
            for index in waiting {
                let request = batch.request(index)
                group.addTask {
                    let features = request.known.merging(await scoring.features(of: request.patient))
                    do {
                        return (index, features, .success(try await configuration.arrears?.standing(of: request.patient)))
                    } catch {
                        return (index, features, .failure(error))
                    }
                }
            }
            return await group.reduce(into: [Int: (ApplicantFeatures, Result<ArrearsStanding?, any Error>)]()) { $0[$1.0] = ($1.1, $1.2) }
        }
        batch.record(in: store, at: ledger.clock.now()) { item in
            guard let (features, standing) = gathered[item.index] else { return nil }
            let listed = try standing.get()?.listings.map(EligibilityDecision.Failure.arrearsListed) ?? []
            let eligibility = configuration.eligibility.check(features)
            let checked = EnrollmentStep.Event.checked(features: features, eligibility: eligibility)
            return eligibility.isEligible && listed.isEmpty ? [checked] : [checked, .refused(reasons: eligibility.failed + listed)]
        }
    }

    /// Scores every eligible enrollment, asks its bank for the line and records the grant, or the
    /// refusal when the score earns no tier or the bank grants nothing.
    private func grant(_ batch: EnrollmentBatch) async {
        let waiting = batch.waiting(after: "checked")
        let applicants = waiting.compactMap { index -> CreditScoring.Applicant? in
            guard case .checked(let features, _) = batch.lastEvent(index) else { return nil }
            let request = batch.request(index)
            return CreditScoring.Applicant(patient: request.patient, id: request.id, features: features)
        }
        let scores = await scoring.decide(applicants)
        var scored: [Int: ScoreRecord] = [:]
        for (index, score) in zip(waiting, scores) {
            switch score {
            case .success(let record): scored[index] = record
            case .failure(let error): batch.fail(index, error)
            }
        }
        let answers = await withTaskGroup(of: (Int, Result<CreditProviderLine, any Error>).self) { group in
            for index in scored.keys {
                let request = batch.request(index)
                group.addTask { (index, await askBank(request)) }
            }
            return await group.reduce(into: [Int: Result<CreditProviderLine, any Error>]()) { $0[$1.0] = $1.1 }
        }
        batch.record(in: store, at: ledger.clock.now()) { item in
            guard let record = scored[item.index], let answer = answers[item.index] else { return nil }
            return [try decision(record, bank: answer.get())]
        }
    }

    /// The line the bank of `request` reports, or what went wrong.
    private func askBank(_ request: EnrollmentRequest) async -> Result<CreditProviderLine, any Error> {
        guard let bank = banks[request.bank] else { return .failure(EnrollmentError(.unknownBank, context: ["bank": request.bank])) }
        do {
            return .success(try await bank.line(request.line))
        } catch {
            return .failure(error)
        }
    }

    /// The grant a score earns on the bank's line, or the refusal.
    private func decision(_ record: ScoreRecord, bank line: CreditProviderLine) throws -> EnrollmentStep.Event {
        guard line.usable, line.grantedLimit > .zero else { return .refused(reasons: [.bankLine]) }
        guard let earned = try configuration.limits.limit(score: record.decision.score, bankLine: line.grantedLimit),
              earned.limit > .zero else {
            return .refused(reasons: [.scoreTier])
        }
        return .granted(EnrollmentGrant(bankLimit: line.grantedLimit, score: record.decision.score, scoreRecord: record.id,
                                        tier: earned.tier, limit: earned.limit))
    }

    /// Opens the line of every granted enrollment, in ledger batches, and records it.
    private func open(_ batch: EnrollmentBatch) async {
        let waiting = batch.waiting(after: "granted")
        var opened: Set<Int> = []
        for chunk in stride(from: 0, to: waiting.count, by: LedgerLimits.maximumBatchSize) {
            let indices = Array(waiting[chunk..<min(chunk + LedgerLimits.maximumBatchSize, waiting.count)])
            let requests = indices.compactMap { index -> LedgerRequest? in
                guard case .granted(let grant) = batch.lastEvent(index) else { return nil }
                let request = batch.request(index)
                return LedgerRequest(key: EnrollmentKeys.open(request.id), command: .openLine(request.line, limit: grant.limit))
            }
            do {
                for (index, result) in zip(indices, try await ledger.submit(requests)) {
                    switch result {
                    case .success: opened.insert(index)
                    case .failure(let error): batch.fail(index, error)
                    }
                }
            } catch {
                for index in indices { batch.fail(index, error) }
            }
        }
        batch.record(in: store, at: ledger.clock.now()) { opened.contains($0.index) ? [.opened] : nil }
    }
}

extension CreditEnrollment: CreditLineDirectory {
    /// The bank, institution and patient of the enrollment that opened `line`; a family member's
    /// line is its guarantor's.
    public func account(of line: CreditLineID) throws -> CreditLineAccount? {
        try EnrollmentDirectory(store: store, ledger: ledger.store).account(of: line)
    }
}
