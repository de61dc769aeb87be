public import CreditMedicalCore

extension CreditDesk {
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
