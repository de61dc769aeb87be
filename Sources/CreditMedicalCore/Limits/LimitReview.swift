/// The review job (贷后动态调额): reads how each patient repaid and changes lines as the
/// ``ReviewPolicy`` says, one tier up or down, suspended, or on probation. It may run at any
/// time and any number of times, driven by the clock it is given: each change rests on a piece
/// of evidence (its ``LimitChange/basis``), so running again changes nothing more.
///
/// For each change, in this order: the ledger command, journaled with the reason, under the key
/// `review/ENROLLMENT/BASIS`; the patient's notice, with that key as its id; then the
/// enrollment step `reviewed/BASIS`, after which the line's tier is the new one. A failure at
/// any point leaves the step unrecorded, so the next run repeats the change: the ledger answers
/// the same key as before and the sender delivers the id once.
///
/// Lines go through in batches: one decision pass, then per ledger batch one append of steps,
/// recorded while the ledger writes the next batch.
public struct LimitReview: Sendable {
    /// One open line to review: its enrollment's tier and the bank's line, and how it was repaid.
    public struct Subject: Sendable, Hashable {
        public var enrollment: String
        public var patient: String
        public var line: CreditLineID
        /// The tier and limit now, the bank's line they are shares of, and since when.
        public var tier: String
        public var limit: Money
        public var bankLimit: Money
        public var tierSince: Timestamp
        public var repayment: RepaymentRecord

        public init(enrollment: String, patient: String, line: CreditLineID, tier: String, limit: Money, bankLimit: Money,
                    tierSince: Timestamp, repayment: RepaymentRecord) {
            self.enrollment = enrollment
            self.patient = patient
            self.line = line
            self.tier = tier
            self.limit = limit
            self.bankLimit = bankLimit
            self.tierSince = tierSince
            self.repayment = repayment
        }

        /// The subject of an open enrollment from its recorded steps; `nil` when it is not open.
        public init?(steps: [EnrollmentStep], repayment: RepaymentRecord) {
            guard case .requested(let request) = steps.first?.event, case .open(let grant) = EnrollmentStatus(steps: steps),
                  let since = steps.last(where: { if case .granted = $0.event { true } else if case .reviewed = $0.event { true } else { false } })
            else { return nil }
            self.init(enrollment: request.id, patient: request.patient, line: request.line, tier: grant.tier, limit: grant.limit,
                      bankLimit: grant.bankLimit, tierSince: since.at, repayment: repayment)
        }
    }

    /// What one run did.
    public struct Report: Sendable, Hashable {
        /// The changes made, by enrollment.
        public internal(set) var changes: [String: LimitChange] = [:]
        /// Enrollments whose change did not go through, with the code of what went wrong; the
        /// next run repeats them.
        public internal(set) var failed: [String: String] = [:]
        /// How many subjects were reviewed.
        public internal(set) var reviewed = 0
    }

    public let policy: ReviewPolicy
    public let limits: LimitPolicy
    public let ledger: Ledger
    public let store: any EnrollmentStore
    public let notices: any NotificationSender

    public init(policy: ReviewPolicy, limits: LimitPolicy, ledger: Ledger, store: any EnrollmentStore, notices: any NotificationSender) {
        self.policy = policy
        self.limits = limits
        self.ledger = ledger
        self.store = store
        self.notices = notices
    }

    /// Reviews `subjects` at the ledger clock's time.
    public func run(_ subjects: [Subject]) async -> Report {
        let now = ledger.clock.now()
        var report = Report()
        report.reviewed = subjects.count
        var pending: [(subject: Subject, change: LimitChange)] = []
        for subject in subjects {
            do {
                if let change = try policy.decide(subject, limits: limits, at: now) { pending.append((subject, change)) }
            } catch {
                report.failed[subject.enrollment] = error.code.rawValue
            }
        }
        // One ledger batch at a time; while the ledger writes the next one, this task tells the
        // patients and records the steps of the one before.
        let chunks = stride(from: 0, to: pending.count, by: LedgerLimits.maximumBatchSize).map {
            Array(pending[$0..<min($0 + LedgerLimits.maximumBatchSize, pending.count)])
        }
        var next = chunks.first.map(submit)
        for (index, chunk) in chunks.enumerated() {
            let submitted = await next?.value ?? .success([])
            next = index + 1 < chunks.count ? submit(chunks[index + 1]) : nil
            var applied: [(subject: Subject, change: LimitChange)] = []
            switch submitted {
            case .success(let results):
                for (item, result) in zip(chunk, results) {
                    switch result {
                    case .success: applied.append(item)
                    case .failure(let error) where item.change.action == .suspend && error.code == .lineSuspended: applied.append(item)
                    case .failure(let error): report.failed[item.subject.enrollment] = error.code.rawValue
                    }
                }
            case .failure(let error):
                for item in chunk { report.failed[item.subject.enrollment] = Self.code(of: error) }
            }
            await record(applied, at: now, into: &report)
        }
        return report
    }

    /// The ledger's results for `chunk`, from a task of its own.
    private func submit(_ chunk: [(subject: Subject, change: LimitChange)]) -> Task<Result<[LedgerResult], any Error>, Never> {
        let requests = chunk.map { command(for: $0.change, of: $0.subject) }
        return Task { [ledger] in
            do { return .success(try await ledger.submit(requests)) } catch { return .failure(error) }
        }
    }

    /// Tells the patients of `applied` and records their steps in one append.
    private func record(_ applied: [(subject: Subject, change: LimitChange)], at now: Timestamp, into report: inout Report) async {
        var told: [EnrollmentStep] = []
        for (subject, change) in applied {
            do {
                try await notices.send(notice(of: change, to: subject))
                told.append(EnrollmentStep(enrollment: subject.enrollment, patient: subject.patient, at: now, event: .reviewed(change)))
            } catch {
                report.failed[subject.enrollment] = Self.code(of: error)
            }
        }
        guard !told.isEmpty else { return }
        do {
            try store.append(told)
            for step in told { if case .reviewed(let change) = step.event { report.changes[step.enrollment] = change } }
        } catch {
            for step in told { report.failed[step.enrollment] = Self.code(of: error) }
        }
    }

    private func command(for change: LimitChange, of subject: Subject) -> LedgerRequest {
        let key = IdempotencyKey("review/\(subject.enrollment)/\(change.basis)")
        let reason = "review \(change.action.rawValue) to \(change.tier): \(change.reason.english)"
        switch change.action {
        case .suspend: return LedgerRequest(key: key, command: .suspendLine(subject.line))
        case .raise, .lower, .probation: return LedgerRequest(key: key, command: .adjustLimit(subject.line, to: change.limit, reason: reason))
        }
    }

    private func notice(of change: LimitChange, to subject: Subject) -> PatientNotification {
        let yuan = change.limit.formatted(symbol: "")
        let text = switch change.action {
        case .suspend: "\(change.reason.chinese)。\(change.reason.english)."
        case .raise, .lower, .probation: "\(change.reason.chinese)，信用额度为\(yuan)元。\(change.reason.english): limit \(yuan) yuan."
        }
        return PatientNotification(id: AdapterRequestID("review/\(subject.enrollment)/\(change.basis)"), patient: subject.patient,
                                   kind: .limitReviewed, text: text)
    }

    private static func code(of error: any Error) -> String {
        (error as? any CodedError)?.code.rawValue ?? String(describing: type(of: error))
    }
}
