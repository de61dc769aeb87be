public import CreditMedicalCore

extension CreditDesk {
    /// Goes through every checkout and reversal that stopped half-way (after a crash, a timeout, an
    /// unavailable party, or an operator's retry or cancellation) and reports what became of each:
    /// finished, compensated (a cancellation undone), parked for an operator with the reason, or
    /// deferred to the next call because the failure may pass. It never stops at the first
    /// failure, and throws only when the store cannot list the unfinished records.
    ///
    /// Run it when the server starts and then every minute or so. A checkout that another desk
    /// (process, server) is running holds a claim on its encounter (``EncounterClaim``) and is
    /// left to it, reported as deferred; a claim whose desk died lapses after
    /// ``Configuration/claimSeconds``, and the next resume takes the checkout over.
    @discardableResult
    public func resumeCheckouts(limit: Int = 1_000) async throws -> CheckoutResumeReport {
        let unfinished = try store.settlements(in: Set(SettlementRecord.Step.allCases.filter { !$0.isFinal }), limit: limit)
        var report = CheckoutResumeReport()
        for record in unfinished {
            guard record.attention == nil else {
                report.needsAttention.append(record)
                continue
            }
            if let claim = try store.encounter(record.encounter)?.claim, claim.desk != deskID, claim.until > now {
                report.deferred.append(.init(record: record, failure: "in progress at another desk until \(claim.until)"))
                continue
            }
            do {
                let done = try await perform(record.encounter) { try await proceedAnyStep(record) }
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

    /// Clears a parked checkout's attention and runs it again now, with the same request ids and
    /// keys (the parties answer as the first time). Throws what stops it; a failure that needs an
    /// operator parks it again.
    @discardableResult
    public func retryCheckout(_ id: EncounterID) async throws -> SettlementRecord {
        try await perform(id) {
            let record = try Self.requestRetry(of: id, in: store, at: now)
            return try await proceedAnyStep(record)
        }
    }

    /// Cancels a checkout that has not completed (parked or not): undoes what the parties and the
    /// ledger did (the commercial insurer's claim and medical insurance's settlement are reversed,
    /// a capture is reversed, an open hold is voided) and opens the encounter again in its next
    /// round, so the HIS can correct the bill and check out again, or cancel the encounter.
    @discardableResult
    public func cancelCheckout(_ id: EncounterID) async throws -> SettlementRecord {
        try await perform(id) {
            let record = try Self.requestCancellation(of: id, in: store, at: now)
            return try await proceedReversal(record)
        }
    }

    /// Marks a parked checkout to be tried again and returns its record: the next
    /// ``resumeCheckouts(limit:)`` of any desk on `store` runs it. For tools that have no
    /// parties to talk to (`credit-medical checkouts retry`).
    @discardableResult
    public static func requestRetry(of id: EncounterID, in store: any EncounterStore, at time: Timestamp) throws -> SettlementRecord {
        try mark(id, in: store, at: time) { record in
            guard !record.step.isFinal else { throw BillingError(.notReversible, context: ["step": record.step.rawValue], details: "encounter \(id)") }
        }
    }

    /// Marks a checkout that has not completed to be cancelled and returns its record: the next
    /// ``resumeCheckouts(limit:)`` of any desk on `store` undoes it (see ``cancelCheckout(_:)``).
    @discardableResult
    public static func requestCancellation(of id: EncounterID, in store: any EncounterStore, at time: Timestamp) throws -> SettlementRecord {
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
    func proceedAnyStep(_ record: SettlementRecord) async throws -> SettlementRecord {
        record.step.isUndoing ? try await proceedReversal(record) : try await proceed(record)
    }

    /// Whether `error` is a party's or the ledger's answer that the desk cannot go on with, so
    /// that repeating the step would only fail again: an answer that does not add up, a party
    /// that does not know the settlement, a ledger refusal. Failures that may pass (timeouts,
    /// unreachable parties, store errors, another desk's writes, a crash) are not.
    static func needsAttention(_ error: any Error) -> Bool {
        switch error {
        case let error as AdapterError: error.code != .timeout && error.code != .unavailable
        case is BillingError, is LedgerError: true
        default: false
        }
    }

    /// Parks `record` for an operator because of `error`: writes it with its attention and what
    /// the parties answered so far, and with `alsoWriting` (changes the failed step would have
    /// written, such as a closed encounter after the money moved).
    func park(_ record: inout SettlementRecord, because error: any Error, alsoWriting changes: [EncounterChange] = []) async throws {
        // The failure may come from a party's adapter: what is stored is made storable.
        let code = (error as? any CodedError)?.code.rawValue ?? "unknown"
        record.attention = SettlementAttention(code: InputRules.storable(code, maximumLength: 128), reason: InputRules.storable("\(error)"),
                                               since: now)
        record.updatedAt = now
        try await write([.settlement(record)] + changes)
    }
}
