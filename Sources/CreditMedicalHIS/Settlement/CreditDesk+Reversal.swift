public import CreditMedicalCore

extension CreditDesk {
    /// Reverses a completed settlement (结算撤销), for instance to refund an item after
    /// settlement: the commercial insurer's and medical insurance's parts are reversed through
    /// their adapters, and the credit part through the ledger, reducing what the patient owes.
    /// What the patient has already repaid of it cannot be taken off the line; it is recorded as
    /// ``SettlementRecord/refundOwed`` and the patient is told.
    ///
    /// Afterwards the encounter is open again in its next round, with a new hold: the HIS can
    /// refund or add items and check out again. Like checkout, a reversal interrupted anywhere
    /// continues with ``resumeCheckouts(limit:)``.
    @discardableResult
    public func reverseSettlement(_ id: EncounterID) async throws -> SettlementRecord {
        try await perform(id) {
            guard let encounter = try encounterToChange(id) else { throw BillingError(.encounterNotFound, details: "encounter \(id)") }
            guard var record = try store.settlement(of: id), record.round == encounter.round,
                  record.step == .completed || record.step == .reversing
            else { throw BillingError(.notReversible, details: "encounter \(id)") }
            if record.step == .completed {
                record.step = .reversing
                record.updatedAt = now
                try await write([.settlement(record)])
            }
            return try await proceedReversal(record)
        }
    }

    /// Runs the steps of a reversal or a cancellation; each is safe to repeat. The commercial
    /// insurer's claim and medical insurance's settlement are reversed when the record has them,
    /// and the hold is undone as the ledger has it: a capture is reversed, an open hold voided.
    func proceedReversal(_ start: SettlementRecord) async throws -> SettlementRecord {
        var record = start
        guard var encounter = try encounterToChange(record.encounter) else {
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
        record.refundOwed = Money(fen: credit.fen - reversed.fen)
        let cancelled = record.step == .cancelling
        record.step = cancelled ? .cancelled : .reversed
        record.updatedAt = now
        var text = "【信用就医】就诊号 \(encounter.id)：\(cancelled ? "结算已取消" : "结算已撤销")，信用欠款减少 \(reversed)。"
        if record.refundOwed.isPositive { text += "已还款部分 \(record.refundOwed) 将退还给您。" }
        if cancelled { text += "费用核对后将重新结算。" }
        let notice = PatientNotification(id: keys.reversedNotice, patient: encounter.patient.id,
                                         kind: .settlementReversed, text: text)
        encounter.round += 1
        encounter.status = .open
        encounter.closedAt = nil
        encounter.locked = .zero
        encounter.uncovered = .zero
        encounter.creditSteps = 0
        encounter.revision += 1
        try await write([.settlement(record), .encounter(encounter), .notification(notice)])
        await deliver([notice])
        return record
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
