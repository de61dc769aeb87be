import CreditMedicalCore

/// Runs the checkout saga: settles an encounter once with medical insurance, the commercial
/// insurer and the bank, capturing the credit part, recording its progress so that a checkout
/// stopped at any step continues with the same request ids and keys, and parking it for an
/// operator when a party's answer does not let it go on (``SettlementAttention``).
struct CheckoutSaga: Sendable {
    let ledger: Ledger
    let store: any EncounterStore
    let medicalInsurance: any MedicalInsuranceAdapter
    let commercialInsurance: (any CommercialInsuranceAdapter)?
    let bank: any CreditProviderAdapter
    let calendar: BillingCalendar
    let advanceDueSeconds: Int64
    /// Whether the claims let the personal account pay (``CreditDesk/Configuration/personalAccountPays``).
    let personalAccountPays: Bool
    let turns: EncounterTurns
    let writer: EncounterWriter
    let kept: EncounterCache
    let locker: CreditLocker
    let outbox: NotificationOutbox
    /// Called between the steps; tests throw from it to act out a crash there.
    let checkpoint: @Sendable (CheckoutCheckpoint) throws -> Void

    private var now: Timestamp { ledger.clock.now() }

    /// Settles the encounter, or continues its checkout, or returns its record when it is settled
    /// (see ``CreditDesk/checkout(_:)``).
    func checkout(_ id: EncounterID) async throws -> SettlementRecord {
        try await turns.perform(id) {
            let copy = kept.take(id)
            guard var encounter = try copy?.encounter ?? turns.encounterToChange(id) else {
                throw BillingError(.encounterNotFound, details: "encounter \(id)")
            }
            // An open encounter has no settlement in its round: the record and the status
            // `settling` are written together.
            if encounter.status != .open, let record = try store.settlement(of: id), record.round == encounter.round {
                return try await proceed(record, encounter: encounter)
            }
            guard encounter.status == .open else { throw BillingError(.encounterNotOpen, details: "encounter \(id) is \(encounter.status)") }
            let bill = try copy?.bill ?? store.bill(of: id)
            encounter.status = .settling
            encounter.revision += 1
            // The claim tells other desks (and their resumeCheckouts) that this one is at work on
            // the checkout; the write that closes the encounter ends it.
            encounter.claim = turns.newClaim()
            let outcome = try await locker.bringToCredit(&encounter, bill: bill)
            let record = SettlementRecord(encounter: id, round: encounter.round, startedAt: now, total: bill.total, updatedAt: now)
            try await writer.write([.encounter(encounter), .settlement(record)] + outcome.notifications.map(EncounterChange.notification),
                                   claiming: true)
            try checkpoint(.started)
            return try await proceed(record, encounter: encounter, bill: bill)
        }
    }

    /// Runs a checkout's remaining steps. The record is written when everything is done, or,
    /// when the bank fails after the money moved, with both insurers' answers and the capture, so
    /// the retry starts from the bank. A step repeated after a crash repeats its calls
    /// with the same request ids and keys, which the parties and the ledger answer as the first
    /// time (the capture's time is the ledger entry's, so a repeat tells the bank the same).
    /// A failure that needs an operator parks the checkout with what the parties answered so far
    /// (``SettlementAttention``).
    func proceed(_ start: SettlementRecord, encounter loaded: Encounter? = nil, bill loadedBill: Bill? = nil) async throws -> SettlementRecord {
        var record = start
        guard var encounter = try loaded ?? turns.encounterToChange(record.encounter) else {
            throw BillingError(.encounterNotFound, details: "encounter \(record.encounter)")
        }
        let bill = try loadedBill ?? store.bill(of: encounter.id)
        var closed: Encounter?
        if record.step == .started {
            do {
                try await settleWithParties(&record, encounter: encounter, bill: bill)
            } catch where SettlementAttention.isNeeded(after: error) {
                try await park(&record, because: error)
                throw error
            }
            record.step = .captured
            record.updatedAt = now
            encounter.status = .settled
            encounter.closedAt = now
            encounter.revision += 1
            closed = encounter
        }
        guard record.step == .captured else { return record }
        let notice = PatientNotices.settled(encounter, bill: bill, split: record.split)
        do {
            record.advanceDueBy = try await requestAdvance(encounter, record: record)
        } catch {
            // The money moved: keep the insurers' answers and the capture for the retry.
            let changes: [EncounterChange] = closed.map { [.encounter($0), .notification(notice)] } ?? []
            if SettlementAttention.isNeeded(after: error) {
                try await park(&record, because: error, alsoWriting: changes)
            } else if !changes.isEmpty {
                try await writer.write([.settlement(record)] + changes)
            }
            throw error
        }
        try checkpoint(.bankCalled)
        let sent = await outbox.send(notice)
        try checkpoint(.notified)
        record.step = .completed
        record.updatedAt = now
        var changes: [EncounterChange] = [.settlement(record)]
        if let closed { changes.append(.encounter(closed)) }
        // A notice that could not be sent goes to the outbox for deliverNotifications(); one that
        // an earlier call put there leaves it once sent.
        if closed != nil, !sent { changes.append(.notification(notice)) }
        if closed == nil, sent { changes.append(.notificationSent(notice.id)) }
        try await writer.write(changes)
        return record
    }

    /// Settles with medical insurance, claims the commercial insurer's share and captures the
    /// credit part, keeping each answer in `record` as soon as it comes (so a parked checkout
    /// records what a cancellation must undo).
    private func settleWithParties(_ record: inout SettlementRecord, encounter: Encounter, bill: Bill) async throws {
        let medical = try await settleWithMedicalInsurance(encounter, bill: bill, record: record)
        record.medical = medical
        try checkpoint(.medicalCalled)
        _ = try SettlementSplit(total: record.total, medical: medical, commercial: .zero, creditCovering: .zero)
        let commercial = try await claimCommercialShare(encounter, cash: medical.cash)
        record.commercial = commercial
        guard commercial.paid.fen >= 0, commercial.paid <= medical.cash else {
            throw BillingError(.splitMismatch, context: ["party": "commercial insurance"],
                               details: "commercial insurer paid \(commercial.paid.fen) of \(medical.cash.fen)")
        }
        try checkpoint(.commercialCalled)
        (record.split, record.capturedAt) = try await capture(encounter, record: record)
        try checkpoint(.captureApplied)
    }

    private func settleWithMedicalInsurance(_ encounter: Encounter, bill: Bill, record: SettlementRecord) async throws -> MedicalInsuranceSettlement {
        guard let insured = encounter.patient.medicalInsuranceNumber else {
            return MedicalInsuranceSettlement(settlementID: "", fund: .zero, personalAccount: .zero, cash: record.total)
        }
        let claim = MedicalInsuranceClaim(
            requestID: encounter.keys.request(.medical), insuredPerson: insured, encounter: encounter.id,
            year: calendar.day(of: record.startedAt).year, bill: bill, usePersonalAccount: personalAccountPays)
        // 预结算 first: an insurer whose answer does not add up is refused before it pays anything.
        let quote = try await medicalInsurance.preSettle(claim)
        do {
            _ = try SettlementSplit(total: record.total, medical: quote, commercial: .zero, creditCovering: .zero)
        } catch {
            throw BillingError(.splitMismatch, context: ["party": "medical insurance", "call": "pre-settlement"], details: error.details)
        }
        try checkpoint(.medicalQuoted)
        return try await medicalInsurance.settle(claim)
    }

    private func claimCommercialShare(_ encounter: Encounter, cash: Money) async throws -> CommercialInsurancePayment {
        guard cash.isPositive, let commercialInsurance, let policy = encounter.patient.commercialPolicy else {
            return CommercialInsurancePayment(claimID: "", paid: .zero)
        }
        return try await commercialInsurance.claim(CommercialInsuranceClaim(
            requestID: encounter.keys.request(.commercial), insuredPerson: policy, encounter: encounter.id,
            remaining: cash))
    }

    /// Captures the credit part from the hold (releasing the rest) and returns the split with the
    /// time of the capture (the ledger entry's, also when it is a replay). The credit covers at
    /// most what the hold locked when the checkout began.
    private func capture(_ encounter: Encounter, record: SettlementRecord) async throws -> (SettlementSplit, Timestamp) {
        guard let medical = record.medical else { throw BillingError(.notReversible, details: "no medical answer recorded") }
        let coverage = encounter.creditLine == nil ? Money.zero : encounter.locked
        let split = try SettlementSplit(total: record.total, medical: medical, commercial: record.commercial?.paid ?? .zero,
                                        creditCovering: coverage)
        if encounter.creditLine != nil, try encounter.locked.isPositive || ledger.hold(encounter.hold) != nil {
            let command: LedgerCommand = split.credit.isPositive
                ? .captureHold(encounter.hold, amount: split.credit) : .voidHold(encounter.hold)
            let receipt = try await ledger.execute(command, key: encounter.keys.settle)
            return (split, receipt.entry.timestamp)
        }
        return (split, now)
    }

    /// Tells the bank of the capture and asks for the advance; returns when it is due.
    private func requestAdvance(_ encounter: Encounter, record: SettlementRecord) async throws -> Timestamp? {
        guard let line = encounter.creditLine, let split = record.split, split.credit.isPositive else { return nil }
        let capturedAt = record.capturedAt ?? record.updatedAt
        let due = capturedAt.adding(seconds: advanceDueSeconds)
        try await bank.noticeCapture(CaptureNotice(
            requestID: encounter.keys.request(.capture), line: line, encounter: encounter.id,
            amount: split.credit, capturedAt: capturedAt))
        try await bank.requestAdvance(AdvanceRequest(
            requestID: encounter.keys.request(.advance), line: line, encounter: encounter.id,
            amount: split.credit, requestedAt: capturedAt, dueBy: due, institution: encounter.institution))
        return due
    }

    /// Parks `record` for an operator because of `error`: writes it with its attention and what
    /// the parties answered so far, and with `alsoWriting` (changes the failed step would have
    /// written, such as a closed encounter after the money moved).
    private func park(_ record: inout SettlementRecord, because error: any Error, alsoWriting changes: [EncounterChange] = []) async throws {
        record.attention = SettlementAttention(failure: error, since: now)
        record.updatedAt = now
        try await writer.write([.settlement(record)] + changes)
    }
}
