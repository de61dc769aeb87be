import CreditMedicalCore

/// Tracks the bank's advances of settled amounts to the hospital: records the ones the bank has
/// paid and lists those still unpaid or overdue.
struct AdvanceTracker: Sendable {
    let store: any EncounterStore
    let bank: any CreditProviderAdapter
    let writer: EncounterWriter
    let clock: any TimeSource

    /// Asks the bank about every advance not paid yet, records the paid ones and returns the
    /// others (see ``CreditDesk/refreshAdvances(limit:)``).
    func refresh(limit: Int) async throws -> [SettlementRecord] {
        var unpaid: [SettlementRecord] = []
        var paid: [EncounterChange] = []
        for var record in try store.settlementsAwaitingAdvance(limit: limit) {
            guard let encounter = try store.encounter(record.encounter) else { continue }
            let requestID = EncounterKeys(encounter.id, round: record.round).request(.advance)
            if case .paid(let time) = try await bank.advanceStatus(requestID) {
                record.advancePaidAt = time
                record.updatedAt = clock.now()
                paid.append(.settlement(record))
            } else {
                unpaid.append(record)
            }
        }
        if !paid.isEmpty { try await writer.write(paid) }
        return unpaid
    }

    /// Advances the bank has not paid by their due time, as of `time` (now by default).
    func overdue(at time: Timestamp?, limit: Int) throws -> [SettlementRecord] {
        let time = time ?? clock.now()
        return try store.settlementsAwaitingAdvance(limit: limit).filter { $0.advanceIsOverdue(at: time) }
    }
}
