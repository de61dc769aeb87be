public import CreditMedicalCore
import Foundation
import Synchronization

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
    /// Choices a hospital makes once.
    public struct Configuration: Sendable {
        /// What happens to charges the line cannot cover.
        public var excessPolicy: ExcessPolicy
        /// How inpatient stays are cut into daily bills.
        public var calendar: BillingCalendar
        /// How long the bank has to advance a settled amount to the hospital.
        public var advanceDueSeconds: Int64
        /// Whether concurrent calls share store transactions (group commit). Turning it off makes
        /// every write its own durable transaction; it exists to measure the difference.
        public var groupCommit: Bool
        /// How many charge records (items and refunds) of open encounters the desk keeps in memory
        /// with the encounters, as it last wrote them, so that the next call for an encounter reads
        /// neither it nor its bill (about 200 bytes per record); 0 keeps none. When another desk
        /// wrote the encounter in between, the store refuses the out-of-date write and the call is
        /// repeated on what the store holds.
        public var keptBillRecords: Int
        /// How long a call whose encounter another desk keeps changing (several processes or
        /// servers on one store) keeps waiting for its turn before it fails with
        /// ``StaleEncounterError``.
        public var contendedCallSeconds: Int64
        /// How long a desk's claim on an encounter lasts when the desk dies holding it
        /// (``EncounterClaim``); other desks wait that long for that encounter.
        public var claimSeconds: Int64

        public init(excessPolicy: ExcessPolicy = .lockAvailable, calendar: BillingCalendar = BillingCalendar(),
                    advanceDueSeconds: Int64 = 86_400, groupCommit: Bool = true, keptBillRecords: Int = 200_000,
                    contendedCallSeconds: Int64 = 30, claimSeconds: Int64 = 30) {
            self.excessPolicy = excessPolicy
            self.calendar = calendar
            self.advanceDueSeconds = advanceDueSeconds
            self.groupCommit = groupCommit
            self.keptBillRecords = keptBillRecords
            self.contendedCallSeconds = contendedCallSeconds
            self.claimSeconds = claimSeconds
        }
    }

    public let ledger: Ledger
    public let store: any EncounterStore
    public let medicalInsurance: any MedicalInsuranceAdapter
    public let commercialInsurance: (any CommercialInsuranceAdapter)?
    public let bank: any CreditProviderAdapter
    public let notifications: any NotificationSender
    public let configuration: Configuration
    /// Names this desk in its claims on encounters (``EncounterClaim``); new for every desk.
    public let deskID = UUID().uuidString
    /// Called between the steps of a checkout; tests throw from it to act out a crash there.
    let checkpoint: @Sendable (CheckoutCheckpoint) throws -> Void
    let writer: GroupCommitter<[EncounterChange], Bool>?
    /// Notifications delivered whose outbox entries are not yet taken out: the marks ride along
    /// with the desk's next write instead of costing a write of their own.
    let deliveredMarks = Mutex<Set<AdapterRequestID>>([])
    let serializer = EncounterSerializer()
    let kept: EncounterCache

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
        self.checkpoint = checkpoint
        self.kept = EncounterCache(maximumRecords: configuration.keptBillRecords)
        self.writer = configuration.groupCommit
            ? GroupCommitter(label: "encounters", maximumBatchSize: 1_024, clock: ledger.clock,
                             commit: { writes, _ in try Self.commit(writes, to: store) }, flush: { try store.flush() })
            : nil
    }

    var now: Timestamp { ledger.clock.now() }

    /// Opens an encounter (挂号 / 入院). A credit encounter needs an enrolled patient whose line
    /// takes new charges; an inpatient stay on credit is admitted without a deposit
    /// (住院免押金). Opening the same encounter again with the same details returns it (a retry);
    /// a cancelled encounter's number is not opened again (`BillingError.Code.encounterNotOpen`).
    @discardableResult
    public func open(
        _ id: EncounterID, kind: EncounterKind, patient: Patient, department: String, paymentMode: PaymentMode = .credit
    ) async throws -> Encounter {
        try patient.validate()
        try BillingError.requireValidText(department, "department")
        return try await perform(id) {
            if let existing = try encounterToChange(id) {
                guard existing.kind == kind, existing.patient == patient, existing.department == department,
                      existing.paymentMode == paymentMode
                else { throw BillingError(.encounterExists, details: "encounter \(id)") }
                guard existing.status != .cancelled else {
                    throw BillingError(.encounterNotOpen, context: ["status": "cancelled"], details: "encounter \(id)")
                }
                return existing
            }
            if paymentMode == .credit {
                guard let line = patient.line else { throw BillingError(.notEnrolled, details: "patient \(patient.id)") }
                guard let current = try ledger.line(line) else { throw LedgerError(.lineNotFound, details: "line \(line)") }
                try current.requireOpenForCharges()
            }
            let encounter = Encounter(id: id, kind: kind, patient: patient, department: department,
                                      paymentMode: paymentMode, openedAt: now, revision: 1)
            try await write([.encounter(encounter)])
            return encounter
        }
    }

    /// The encounter with this number.
    public func encounter(_ id: EncounterID) throws -> Encounter? {
        try BillingError.requireValid(id, "encounter")
        return try store.encounter(id)
    }

    /// The encounter's bill as charged so far: the one this desk kept from its last write when the
    /// stored encounter is still at that revision, else read from the store.
    public func bill(of id: EncounterID) throws -> Bill {
        try BillingError.requireValid(id, "encounter")
        guard let encounter = try store.encounter(id) else { return Bill(encounter: id) }
        return try kept.bill(of: encounter) ?? store.bill(of: id)
    }

    /// Adds charge items (one order, 医嘱) to an open encounter. Outpatient, emergency and
    /// internet-hospital charges are brought to credit at once; an inpatient stay's charges wait
    /// for their daily bill (``closeDays(of:through:)``). Items already on the bill with the
    /// same details are skipped, so a retried call changes nothing twice.
    @discardableResult
    public func charge(_ items: [ChargeItem], to id: EncounterID) async throws -> CreditOutcome {
        for item in items { try item.validate() }
        return try await changeBill(of: id) { _, bill in
            var added: [ChargeItem] = []
            for item in items {
                if let line = bill.line(item.id), line.item == item { continue }
                try bill.add(item)
                added.append(item)
            }
            return added.isEmpty ? [] : [.items(id, added)]
        }
    }

    /// Refunds (退费) part or all of a charge item before settlement: the hold shrinks (the
    /// excess first, when some of the bill was not covered). A refund already recorded with the
    /// same details is skipped.
    @discardableResult
    public func refund(_ refund: ChargeRefund, in id: EncounterID) async throws -> CreditOutcome {
        try await changeBill(of: id) { _, bill in
            guard !bill.refunds.contains(where: { $0.refund == refund }) else { return [] }
            try bill.add(refund)
            return [.refund(id, refund)]
        }
    }

    /// Closes an inpatient stay's daily bills up to and including `day` (日清单): their charges
    /// are brought to credit, and the patient is told when the line is exhausted.
    @discardableResult
    public func closeDays(of id: EncounterID, through day: BillingDay) async throws -> CreditOutcome {
        try await changeBill(of: id) { encounter, _ in
            guard encounter.kind == .inpatient else { throw BillingError(.notInpatient, details: "encounter \(id)") }
            encounter.billedThrough = max(encounter.billedThrough ?? day, day)
            return []
        }
    }

    /// Applies `change` to an open encounter and its bill, brings the bill to credit, and writes
    /// what `change` returned with the encounter and the notifications in one transaction.
    private func changeBill(
        of id: EncounterID, _ change: (inout Encounter, inout Bill) throws -> [EncounterChange]
    ) async throws -> CreditOutcome {
        try await perform(id) {
            var (encounter, bill) = try openEncounterAndBill(id)
            let recorded = try change(&encounter, &bill)
            encounter.revision += 1
            let outcome = try await bringToCredit(&encounter, bill: bill)
            try await write(recorded + [.encounter(encounter)] + outcome.notifications.map(EncounterChange.notification))
            kept.keep(encounter, bill: bill)
            await deliver(outcome.notifications)
            return outcome
        }
    }

    /// Cancels an open encounter whose bill is empty or fully refunded, voiding its hold.
    public func cancel(_ id: EncounterID) async throws {
        try await perform(id) {
            var (encounter, bill) = try openEncounterAndBill(id)
            guard bill.total == .zero else { throw BillingError(.encounterHasCharges, details: "encounter \(id)") }
            if let hold = try ledger.hold(encounter.hold), hold.state == .open {
                try await ledger.execute(.voidHold(hold.id), key: encounter.keys.cancel)
            }
            encounter.status = .cancelled
            encounter.closedAt = now
            encounter.locked = .zero
            encounter.uncovered = .zero
            encounter.revision += 1
            try await write([.encounter(encounter)])
        }
    }

    /// The open encounter and its bill: as this desk kept them from its last write, or read from
    /// the store.
    func openEncounterAndBill(_ id: EncounterID) throws -> (Encounter, Bill) {
        if let kept = kept.take(id) { return kept }
        guard let encounter = try encounterToChange(id) else { throw BillingError(.encounterNotFound, details: "encounter \(id)") }
        guard encounter.status == .open else { throw BillingError(.encounterNotOpen, details: "encounter \(id) is \(encounter.status)") }
        return (encounter, try store.bill(of: id))
    }
}

extension CreditLine {
    /// Throws the ledger's error for a line that takes no new charges.
    func requireOpenForCharges() throws(LedgerError) {
        if status.contains(.closed) { throw LedgerError(.lineClosed, details: "line \(id)") }
        if status.contains(.frozen) { throw LedgerError(.lineFrozen, details: "line \(id)") }
        if status.contains(.suspended) { throw LedgerError(.lineSuspended, details: "line \(id)") }
    }
}
