public import CreditMedicalCore

extension CreditDesk {
    /// Settles an encounter once (结算 / 出院结算): freezes the bill, brings what is left of it to
    /// credit, pre-settles and settles with medical insurance (fund, personal account, cash part;
    /// a quote that does not add up to the bill is refused before anything is paid), claims the
    /// commercial insurer's share of the cash part, captures the self-pay rest from the hold and
    /// releases the remainder, tells the bank and asks it to advance the credit part to the
    /// hospital within ``Configuration/advanceDueSeconds``, and sends the patient the fee notice.
    ///
    /// The checkout is recorded when it begins (the bill is frozen) and when it is done. When a
    /// call fails or times out, calling `checkout` again (or ``resumeCheckouts(limit:)``) continues it
    /// with the same request ids and ledger keys, which the parties and the ledger answer as the
    /// first time, so nothing is paid, captured or notified twice.
    /// Calling it for a settled encounter returns its record.
    @discardableResult
    public func checkout(_ id: EncounterID) async throws -> SettlementRecord {
        try await checkouts.checkout(id)
    }

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
        try await reversals.reverseSettlement(id)
    }

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
        try await stuckCheckouts.resume(limit: limit)
    }

    /// Clears a parked checkout's attention and runs it again now, with the same request ids and
    /// keys (the parties answer as the first time). Throws what stops it; a failure that needs an
    /// operator parks it again.
    @discardableResult
    public func retryCheckout(_ id: EncounterID) async throws -> SettlementRecord {
        try await stuckCheckouts.retry(id)
    }

    /// Cancels a checkout that has not completed (parked or not): undoes what the parties and the
    /// ledger did (the commercial insurer's claim and medical insurance's settlement are reversed,
    /// a capture is reversed, an open hold is voided) and opens the encounter again in its next
    /// round, so the HIS can correct the bill and check out again, or cancel the encounter.
    @discardableResult
    public func cancelCheckout(_ id: EncounterID) async throws -> SettlementRecord {
        try await stuckCheckouts.cancel(id)
    }

    /// Marks a parked checkout to be tried again and returns its record: the next
    /// ``resumeCheckouts(limit:)`` of any desk on `store` runs it. For tools that have no
    /// parties to talk to (`credit-medical checkouts retry`).
    @discardableResult
    public static func requestRetry(of id: EncounterID, in store: any EncounterStore, at time: Timestamp) throws -> SettlementRecord {
        try StuckCheckouts.requestRetry(of: id, in: store, at: time)
    }

    /// Marks a checkout that has not completed to be cancelled and returns its record: the next
    /// ``resumeCheckouts(limit:)`` of any desk on `store` undoes it (see ``cancelCheckout(_:)``).
    @discardableResult
    public static func requestCancellation(of id: EncounterID, in store: any EncounterStore, at time: Timestamp) throws -> SettlementRecord {
        try StuckCheckouts.requestCancellation(of: id, in: store, at: time)
    }

    /// Asks the bank about every advance not paid yet and records the paid ones; returns the
    /// records of advances still unpaid, the earliest due first.
    @discardableResult
    public func refreshAdvances(limit: Int = 1_000) async throws -> [SettlementRecord] {
        try await advances.refresh(limit: limit)
    }

    /// Advances the bank has not paid by their due time, as of `time` (now by default): what the
    /// hospital's finance office chases.
    public func overdueAdvances(at time: Timestamp? = nil, limit: Int = 1_000) throws -> [SettlementRecord] {
        try advances.overdue(at: time, limit: limit)
    }
}
