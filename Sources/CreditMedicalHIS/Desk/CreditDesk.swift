public import CreditMedicalCore
import Foundation

/// What a HIS server talks to for credit-based care (先诊疗后付费): it opens encounters, brings
/// their charges to the patient's credit line, and settles each encounter once with medical
/// insurance, commercial insurance and the bank.
///
/// Money moves only through the `Ledger`; encounters, bills, settlement records and the
/// notification outbox live in an ``EncounterStore``. Every step that talks to an outside party
/// carries a request id derived from the encounter number, and every ledger command an
/// idempotency key, so a call that failed or timed out can simply be made again, and a checkout
/// interrupted anywhere completes with ``resumeCheckouts(limit:)``. Calls for one encounter run one at
/// a time; calls for different encounters run concurrently, and their writes share transactions
/// (group commit). Use one desk per process, shared by all request handlers: the one-at-a-time
/// guarantee holds within a desk.
///
/// A desk keeps the open encounters it wrote, with their bills, and does not read them back
/// (``Configuration/keptBillRecords``). Several desks (processes, servers) may share one store:
/// every write of an encounter carries its next ``Encounter/revision``, the store refuses one
/// whose copy is out of date (``StaleEncounterError``), and the desk makes that call again on
/// what the store holds, taking its turn (``EncounterClaim``), so no desk overwrites another's
/// charges and no call fails only because another desk wrote first.
///
/// ```swift
/// let desk = CreditDesk(ledger: ledger, store: store, medicalInsurance: yibao,
///                       commercialInsurance: insurer, bank: bank, notifications: sms)
/// try await desk.open("MZ-0001", kind: .outpatient, patient: patient, department: "内科")
/// try await desk.charge(items, to: "MZ-0001")        // locks credit, tells the patient
/// let settlement = try await desk.checkout("MZ-0001") // 医保, 商保, capture, advance, notice
/// ```
public final class CreditDesk: Sendable {
    public let ledger: Ledger
    public let store: any EncounterStore
    public let medicalInsurance: any MedicalInsuranceAdapter
    public let commercialInsurance: (any CommercialInsuranceAdapter)?
    public let bank: any CreditProviderAdapter
    public let notifications: any NotificationSender
    public let configuration: Configuration
    /// Names this desk in its claims on encounters (``EncounterClaim``); new for every desk.
    public let deskID: String
    /// The open encounters and bills this desk wrote last.
    let kept: EncounterCache
    // The desk is a façade: each of its jobs is done by a part of its own, made once in `init`.
    // The parts that serve every call (the writer, the turns on an encounter, the credit locker,
    // the outbox) are shared by the others.
    private let encounters: EncounterBilling
    private let checkouts: CheckoutSaga
    private let reversals: ReversalSaga
    private let stuckCheckouts: StuckCheckouts
    private let outbox: NotificationOutbox
    private let advances: AdvanceTracker

    /// A desk over `ledger` and `store`, talking to the given parties. Time comes from the
    /// ledger's clock.
    public convenience init(
        ledger: Ledger, store: any EncounterStore, medicalInsurance: any MedicalInsuranceAdapter,
        commercialInsurance: (any CommercialInsuranceAdapter)?, bank: any CreditProviderAdapter,
        notifications: any NotificationSender, configuration: Configuration = Configuration()
    ) {
        self.init(ledger: ledger, store: store, medicalInsurance: medicalInsurance, commercialInsurance: commercialInsurance,
                  bank: bank, notifications: notifications, configuration: configuration, checkpoint: { _ in })
    }

    /// A desk that calls `checkpoint` between the steps of a checkout, for crash tests.
    package init(
        ledger: Ledger, store: any EncounterStore, medicalInsurance: any MedicalInsuranceAdapter,
        commercialInsurance: (any CommercialInsuranceAdapter)?, bank: any CreditProviderAdapter,
        notifications: any NotificationSender, configuration: Configuration,
        checkpoint: @escaping @Sendable (CheckoutCheckpoint) throws -> Void
    ) {
        self.ledger = ledger
        self.store = store
        self.medicalInsurance = medicalInsurance
        self.commercialInsurance = commercialInsurance
        self.bank = bank
        self.notifications = notifications
        self.configuration = configuration
        let deskID = UUID().uuidString
        self.deskID = deskID
        let kept = EncounterCache(maximumRecords: configuration.keptBillRecords)
        self.kept = kept
        let writer = EncounterWriter(store: store, groupCommit: configuration.groupCommit, clock: ledger.clock)
        let turns = EncounterTurns(deskID: deskID, store: store, writer: writer, kept: kept, clock: ledger.clock,
                                   contendedCallSeconds: configuration.contendedCallSeconds, claimSeconds: configuration.claimSeconds)
        let locker = CreditLocker(ledger: ledger, excessPolicy: configuration.excessPolicy, calendar: configuration.calendar,
                                  usageWarnings: configuration.usageWarnings)
        let outbox = NotificationOutbox(store: store, sender: notifications, writer: writer)
        let checkouts = CheckoutSaga(
            ledger: ledger, store: store, medicalInsurance: medicalInsurance, commercialInsurance: commercialInsurance, bank: bank,
            calendar: configuration.calendar, advanceDueSeconds: configuration.advanceDueSeconds,
            personalAccountPays: configuration.personalAccountPays, turns: turns, writer: writer,
            kept: kept, locker: locker, outbox: outbox, checkpoint: checkpoint)
        let reversals = ReversalSaga(ledger: ledger, store: store, medicalInsurance: medicalInsurance,
                                     commercialInsurance: commercialInsurance, bank: bank, turns: turns, writer: writer, outbox: outbox)
        self.encounters = EncounterBilling(ledger: ledger, turns: turns, store: store, kept: kept, writer: writer, locker: locker,
                                           outbox: outbox, institution: configuration.institution,
                                           acceptedLines: configuration.acceptedLines, arrears: configuration.arrears)
        self.checkouts = checkouts
        self.reversals = reversals
        self.stuckCheckouts = StuckCheckouts(store: store, clock: ledger.clock, turns: turns, checkouts: checkouts, reversals: reversals)
        self.outbox = outbox
        self.advances = AdvanceTracker(store: store, bank: bank, writer: writer, clock: ledger.clock)
    }

    /// Opens an encounter (挂号 / 入院). A credit encounter needs an enrolled patient whose line
    /// takes new charges and, with ``Configuration/arrears``, who is not on an arrears list here
    /// or in the registry (`BillingError.Code.patientListed`; emergencies are never refused); an
    /// inpatient stay on credit is admitted without a deposit (住院免押金). Opening the same
    /// encounter again with the same details returns it (a retry); a cancelled encounter's number
    /// is not opened again (`BillingError.Code.encounterNotOpen`).
    @discardableResult
    public func open(
        _ id: EncounterID, kind: EncounterKind, patient: Patient, department: String, paymentMode: PaymentMode = .credit
    ) async throws -> Encounter {
        try await encounters.open(id, kind: kind, patient: patient, department: department, paymentMode: paymentMode)
    }

    /// The encounter with this number.
    public func encounter(_ id: EncounterID) throws -> Encounter? {
        try BillingError.requireValid(id, "encounter")
        return try store.encounter(id)
    }

    /// The encounter's bill as charged so far: the one this desk kept from its last write when the
    /// stored encounter is still at that revision, else read from the store.
    public func bill(of id: EncounterID) throws -> Bill { try encounters.bill(of: id) }

    /// Adds charge items (one order, 医嘱) to an open encounter. Outpatient, emergency and
    /// internet-hospital charges are brought to credit at once; an inpatient stay's charges wait
    /// for their daily bill (``closeDays(of:through:)``). Items already on the bill with the
    /// same details are skipped, so a retried call changes nothing twice.
    @discardableResult
    public func charge(_ items: [ChargeItem], to id: EncounterID) async throws -> CreditOutcome {
        try await encounters.charge(items, to: id)
    }

    /// Refunds (退费) part or all of a charge item before settlement: the hold shrinks (the
    /// excess first, when some of the bill was not covered). A refund already recorded with the
    /// same details is skipped.
    @discardableResult
    public func refund(_ refund: ChargeRefund, in id: EncounterID) async throws -> CreditOutcome {
        try await encounters.refund(refund, in: id)
    }

    /// Closes an inpatient stay's daily bills up to and including `day` (日清单): their charges
    /// are brought to credit, and the patient is told when the line is exhausted.
    @discardableResult
    public func closeDays(of id: EncounterID, through day: BillingDay) async throws -> CreditOutcome {
        try await encounters.closeDays(of: id, through: day)
    }

    /// Cancels an open encounter whose bill is empty or fully refunded, voiding its hold.
    public func cancel(_ id: EncounterID) async throws { try await encounters.cancel(id) }

    /// Sends every notification still in the outbox (after a crash or a failed send); returns how
    /// many were delivered. Each failed attempt is counted in the outbox, so the audit can report
    /// a notification that keeps failing (``DeskAuditor/deliveryAttempts``).
    @discardableResult
    public func deliverNotifications(limit: Int = 1_000) async throws -> Int { try await outbox.deliverPending(limit: limit) }

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
    public func checkout(_ id: EncounterID) async throws -> SettlementRecord { try await checkouts.checkout(id) }

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
    public func reverseSettlement(_ id: EncounterID) async throws -> SettlementRecord { try await reversals.reverseSettlement(id) }

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
    public func resumeCheckouts(limit: Int = 1_000) async throws -> CheckoutResumeReport { try await stuckCheckouts.resume(limit: limit) }

    /// Clears a parked checkout's attention and runs it again now, with the same request ids and
    /// keys (the parties answer as the first time). Throws what stops it; a failure that needs an
    /// operator parks it again.
    @discardableResult
    public func retryCheckout(_ id: EncounterID) async throws -> SettlementRecord { try await stuckCheckouts.retry(id) }

    /// Marks a parked checkout to be tried again and returns its record: the next
    /// ``resumeCheckouts(limit:)`` of any desk on `store` runs it. For tools that have no
    /// parties to talk to (`credit-medical checkouts retry`).
    @discardableResult
    public static func requestRetry(of id: EncounterID, in store: any EncounterStore, at time: Timestamp) throws -> SettlementRecord {
        try StuckCheckouts.requestRetry(of: id, in: store, at: time)
    }

    /// Cancels a checkout that has not completed (parked or not): undoes what the parties and the
    /// ledger did (the commercial insurer's claim and medical insurance's settlement are reversed,
    /// a capture is reversed, an open hold is voided) and opens the encounter again in its next
    /// round, so the HIS can correct the bill and check out again, or cancel the encounter.
    @discardableResult
    public func cancelCheckout(_ id: EncounterID) async throws -> SettlementRecord { try await stuckCheckouts.cancel(id) }

    /// Marks a checkout that has not completed to be cancelled and returns its record: the next
    /// ``resumeCheckouts(limit:)`` of any desk on `store` undoes it (see ``cancelCheckout(_:)``).
    @discardableResult
    public static func requestCancellation(of id: EncounterID, in store: any EncounterStore, at time: Timestamp) throws -> SettlementRecord {
        try StuckCheckouts.requestCancellation(of: id, in: store, at: time)
    }

    /// Asks the bank about every advance not paid yet and records the paid ones; returns the
    /// records of advances still unpaid, the earliest due first.
    @discardableResult
    public func refreshAdvances(limit: Int = 1_000) async throws -> [SettlementRecord] { try await advances.refresh(limit: limit) }

    /// Advances the bank has not paid by their due time, as of `time` (now by default): what the
    /// hospital's finance office chases.
    public func overdueAdvances(at time: Timestamp? = nil, limit: Int = 1_000) throws -> [SettlementRecord] {
        try advances.overdue(at: time, limit: limit)
    }
}
