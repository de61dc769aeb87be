import CreditMedicalCore

/// The operator's side of checkouts that stopped half-way: resumes them (finished, compensated,
/// parked or deferred), retries or cancels a parked one now, and marks one for the next resume of
/// any desk, for tools that have no parties to talk to.
struct StuckCheckouts: Sendable {
    let store: any EncounterStore
    let clock: any TimeSource
    let turns: EncounterTurns
    let checkouts: CheckoutSaga
    let reversals: ReversalSaga

    private var now: Timestamp { clock.now() }

    /// Runs every unfinished checkout, reversal and cancellation not parked and not at work at
    /// another desk, and reports what became of each (see ``CreditDesk/resumeCheckouts(limit:)``).
    func resume(limit: Int) async throws -> CheckoutResumeReport {
        let unfinished = try store.settlements(in: Set(SettlementRecord.Step.allCases.filter { !$0.isFinal }), limit: limit)
        var report = CheckoutResumeReport()
        for record in unfinished {
            guard record.attention == nil else {
                report.needsAttention.append(record)
                continue
            }
            if let encounter = try store.encounter(record.encounter), let claim = turns.claimOfAnotherDesk(on: encounter) {
                report.deferred.append(.init(record: record, failure: "in progress at another desk until \(claim.until)"))
                continue
            }
            do {
                let done = try await turns.perform(record.encounter) { try await proceed(record) }
                if done.step == .cancelled { report.compensated.append(done) } else { report.finished.append(done) }
            } catch {
                if let parked = try? store.settlement(of: record.encounter), parked.attention != nil {
                    report.needsAttention.append(parked)
                } else {
                    report.deferred.append(.init(record: record, failure: "\(error)"))
                }
            }
        }
        return report
    }

    /// Clears a parked checkout's attention and runs it again now (see ``CreditDesk/retryCheckout(_:)``).
    func retry(_ id: EncounterID) async throws -> SettlementRecord {
        try await turns.perform(id) {
            let record = try Self.requestRetry(of: id, in: store, at: now)
            return try await proceed(record)
        }
    }

    /// Cancels a checkout that has not completed now (see ``CreditDesk/cancelCheckout(_:)``).
    func cancel(_ id: EncounterID) async throws -> SettlementRecord {
        try await turns.perform(id) {
            let record = try Self.requestCancellation(of: id, in: store, at: now)
            return try await reversals.proceed(record)
        }
    }

    /// Marks a parked checkout to be tried again and returns its record (see
    /// ``CreditDesk/requestRetry(of:in:at:)``).
    static func requestRetry(of id: EncounterID, in store: any EncounterStore, at time: Timestamp) throws -> SettlementRecord {
        try mark(id, in: store, at: time) { record in
            guard !record.step.isFinal else { throw BillingError(.notReversible, context: ["step": record.step.rawValue], details: "encounter \(id)") }
        }
    }

    /// Marks a checkout that has not completed to be cancelled and returns its record (see
    /// ``CreditDesk/requestCancellation(of:in:at:)``).
    static func requestCancellation(of id: EncounterID, in store: any EncounterStore, at time: Timestamp) throws -> SettlementRecord {
        try mark(id, in: store, at: time) { record in
            guard record.step == .started || record.step == .captured || record.step == .cancelling else {
                throw BillingError(.notReversible, context: ["step": record.step.rawValue], details: "encounter \(id)")
            }
            record.step = .cancelling
        }
    }

    /// Changes the encounter's latest settlement record with `change`, clears its attention and
    /// writes it with the encounter's next revision, so that a desk finishing the same checkout
    /// at the same moment has one of the two writes refused.
    private static func mark(
        _ id: EncounterID, in store: any EncounterStore, at time: Timestamp, _ change: (inout SettlementRecord) throws -> Void
    ) throws -> SettlementRecord {
        try BillingError.requireValid(id, "encounter")
        guard var encounter = try store.encounter(id) else { throw BillingError(.encounterNotFound, details: "encounter \(id)") }
        guard var record = try store.settlement(of: id), record.round == encounter.round else {
            throw BillingError(.notReversible, context: ["step": "none"], details: "encounter \(id)")
        }
        try change(&record)
        record.attention = nil
        record.updatedAt = time
        encounter.revision += 1
        try store.commit([.encounter(encounter), .settlement(record)])
        try store.flush()
        return record
    }

    /// Runs the rest of a checkout, a reversal or a cancellation.
    private func proceed(_ record: SettlementRecord) async throws -> SettlementRecord {
        record.step.isUndoing ? try await reversals.proceed(record) : try await checkouts.proceed(record)
    }
}
