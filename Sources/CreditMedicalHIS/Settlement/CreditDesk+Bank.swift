public import CreditMedicalCore

extension CreditDesk {
    /// Applies the repayments the bank received (还款) to the ledger, each once (its idempotency
    /// key is `repayment:` and the bank's id), and acknowledges them to the bank. Returns one
    /// result per repayment; a rejected one (for instance more than is outstanding) is
    /// acknowledged too, and its result says why, for the bank's reconciliation.
    @discardableResult
    public func collectRepayments(limit: Int = LedgerLimits.maximumBatchSize) async throws -> [(RepaymentNotice, LedgerResult)] {
        let notices = try await bank.pendingRepayments(limit: min(limit, LedgerLimits.maximumBatchSize))
        guard !notices.isEmpty else { return [] }
        let results = try await ledger.submit(notices.map {
            LedgerRequest(key: IdempotencyKey("repayment:\($0.id)"), command: .repay($0.line, amount: $0.amount))
        })
        try await bank.acknowledgeRepayments(notices.map(\.id))
        return Array(zip(notices, results))
    }

    /// Asks the bank about every advance not paid yet and records the paid ones; returns the
    /// records of advances still unpaid, the earliest due first.
    @discardableResult
    public func refreshAdvances(limit: Int = 1_000) async throws -> [SettlementRecord] {
        var unpaid: [SettlementRecord] = []
        var paid: [EncounterChange] = []
        for var record in try store.settlementsAwaitingAdvance(limit: limit) {
            guard let encounter = try store.encounter(record.encounter) else { continue }
            let requestID = EncounterKeys(encounter.id, round: record.round).request(.advance)
            if case .paid(let time) = try await bank.advanceStatus(requestID) {
                record.advancePaidAt = time
                record.updatedAt = now
                paid.append(.settlement(record))
            } else {
                unpaid.append(record)
            }
        }
        if !paid.isEmpty { try await write(paid) }
        return unpaid
    }

    /// Advances the bank has not paid by their due time, as of `time` (now by default): what the
    /// hospital's finance office chases.
    public func overdueAdvances(at time: Timestamp? = nil, limit: Int = 1_000) throws -> [SettlementRecord] {
        let time = time ?? now
        return try store.settlementsAwaitingAdvance(limit: limit).filter { $0.advanceIsOverdue(at: time) }
    }
}
