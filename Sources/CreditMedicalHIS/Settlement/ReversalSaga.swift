import CreditMedicalCore

/// Runs the reversal saga: undoes a completed settlement (结算撤销) or a checkout being cancelled,
/// through the insurers' adapters and the ledger, each step safe to repeat, and opens the
/// encounter again in its next round.
struct ReversalSaga: Sendable {
    let ledger: Ledger
    let store: any EncounterStore
    let medicalInsurance: any MedicalInsuranceAdapter
    let commercialInsurance: (any CommercialInsuranceAdapter)?
    let bank: any CreditProviderAdapter
    let turns: EncounterTurns
    let writer: EncounterWriter
    let outbox: NotificationOutbox

    private var now: Timestamp { ledger.clock.now() }

    /// Reverses the encounter's completed settlement, or continues its reversal (see
    /// ``CreditDesk/reverseSettlement(_:)``).
    func reverseSettlement(_ id: EncounterID) async throws -> SettlementRecord {
        try await turns.perform(id) {
            guard let encounter = try turns.encounterToChange(id) else { throw BillingError(.encounterNotFound, details: "encounter \(id)") }
            guard var record = try store.settlement(of: id), record.round == encounter.round,
                  record.step == .completed || record.step == .reversing
            else { throw BillingError(.notReversible, details: "encounter \(id)") }
            if record.step == .completed {
                record.step = .reversing
                record.updatedAt = now
                try await writer.write([.settlement(record)])
            }
            return try await proceed(record)
        }
    }

    /// Runs the steps of a reversal or a cancellation; each is safe to repeat. The commercial
    /// insurer's claim and medical insurance's settlement are reversed when the record has them,
    /// and the hold is undone as the ledger has it: a capture is reversed, an open hold voided.
    func proceed(_ start: SettlementRecord) async throws -> SettlementRecord {
        var record = start
        guard var encounter = try turns.encounterToChange(record.encounter) else {
            throw BillingError(.encounterNotFound, details: "encounter \(record.encounter)")
        }
        let keys = encounter.keys
        if let payment = record.commercial, payment.paid.isPositive, let commercialInsurance {
            try await commercialInsurance.reverse(claimID: payment.claimID, requestID: keys.request(.commercialReversal))
        }
        if let medical = record.medical, !medical.settlementID.isEmpty {
            try await medicalInsurance.reverse(settlementID: medical.settlementID, requestID: keys.request(.medicalReversal))
        }
        let (credit, reversed) = try await undoCredit(of: encounter, record: record)
        try await tellBank(reversed, of: encounter, record: record)
        record.refundOwed = Money(fen: credit.fen - reversed.fen)
        let cancelled = record.step == .cancelling
        record.step = cancelled ? .cancelled : .reversed
        record.updatedAt = now
        let notice = PatientNotices.reversed(encounter, cancelled: cancelled, reversed: reversed, refundOwed: record.refundOwed)
        encounter.round += 1
        encounter.status = .open
        encounter.closedAt = nil
        encounter.locked = .zero
        encounter.uncovered = .zero
        encounter.creditSteps = 0
        encounter.revision += 1
        try await writer.write([.settlement(record), .encounter(encounter), .notification(notice)])
        await outbox.deliver([notice])
        return record
    }

    /// Tells the bank what the reversal took back from the line, when it had been asked to advance
    /// the capture: it nets the advance (``ReversalNotice``). Repeated with the same request id when
    /// the saga resumes, so the bank books it once.
    private func tellBank(_ reversed: Money, of encounter: Encounter, record: SettlementRecord) async throws {
        guard reversed.isPositive, record.advanceDueBy != nil, let line = encounter.creditLine else { return }
        let keys = encounter.keys
        try await bank.noticeReversal(ReversalNotice(
            requestID: keys.request(.creditReversal), line: line, encounter: encounter.id, amount: reversed,
            advanceRequestID: keys.request(.advance), institution: encounter.institution, advancePaid: record.advancePaidAt != nil,
            reversedAt: record.updatedAt))
    }

    /// Undoes what the encounter's hold did in this round: reverses what was captured, as much as
    /// the line still owes (the ledger decides: ``LedgerCommand/reverseCaptureUpTo(_:amount:)``;
    /// the rest was repaid and is owed back to the patient), or voids the hold while it is open.
    /// Returns what was captured and what was reversed.
    private func undoCredit(of encounter: Encounter, record: SettlementRecord) async throws -> (credit: Money, reversed: Money) {
        guard encounter.creditLine != nil, let hold = try ledger.hold(encounter.hold) else { return (.zero, .zero) }
        let keys = encounter.keys
        if hold.state == .open {
            try await ledger.execute(.voidHold(hold.id), key: keys.cancel)
            return (.zero, .zero)
        }
        let credit = try record.split?.credit ?? ledger.entry(for: keys.settle)?.outstandingDelta ?? .zero
        guard hold.state == .captured, credit.isPositive else { return (.zero, .zero) }
        let entry: JournalEntry
        do {
            entry = try await ledger.execute(.reverseCaptureUpTo(encounter.hold, amount: credit), key: keys.reversal).entry
        } catch LedgerError.Code.idempotencyConflict {
            // Reversed by an earlier version of the desk, which sent the amount it had worked out.
            guard let earlier = try ledger.entry(for: keys.reversal) else { throw LedgerError(.idempotencyConflict) }
            entry = earlier
        }
        return (credit, Money(fen: -entry.outstandingDelta.fen))
    }
}
