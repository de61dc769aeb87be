import CreditMedicalCore

/// Runs an encounter's calls before checkout: opens it, changes its bill (charges, refunds,
/// closed days) and brings the bill to credit in the same call, and cancels it. Each call takes
/// its turn on the encounter and writes what it changed, with the patient's notifications, in one
/// transaction.
struct EncounterBilling: Sendable {
    let ledger: Ledger
    let turns: EncounterTurns
    let store: any EncounterStore
    /// Where the calls take their encounters from and put them back after writing them.
    let kept: EncounterCache
    let writer: EncounterWriter
    let locker: CreditLocker
    let outbox: NotificationOutbox
    /// The institution the desk serves, and whose lines it takes.
    let institution: InstitutionID
    let acceptedLines: LineAcceptance?
    /// Refuses new credit to listed patients, when set.
    let arrears: ArrearsScreening?

    private var now: Timestamp { ledger.clock.now() }

    /// Opens an encounter, or returns it when it is open with the same details (see
    /// ``CreditDesk/open(_:kind:patient:department:paymentMode:)``).
    func open(_ id: EncounterID, kind: EncounterKind, patient: Patient, department: String, paymentMode: PaymentMode) async throws -> Encounter {
        try patient.validate()
        try BillingError.requireValidText(department, "department")
        return try await turns.perform(id) {
            if let existing = try turns.encounterToChange(id) {
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
                if kind != .emergency, let listing = try await arrears?.standing(of: patient.id).listings.first {
                    throw BillingError.patientListed(listing, patient: patient.id)
                }
                guard let current = try ledger.line(line) else { throw LedgerError(.lineNotFound, details: "line \(line)") }
                try current.requireOpenForCharges(of: kind)
                try acceptedLines?.check(line)
            }
            let encounter = Encounter(id: id, kind: kind, patient: patient, department: department,
                                      paymentMode: paymentMode, openedAt: now, revision: 1, institution: institution)
            try await writer.write([.encounter(encounter)])
            return encounter
        }
    }

    /// The encounter's bill as charged so far: the one kept from this desk's last write when the
    /// stored encounter is still at that revision, else read from the store.
    func bill(of id: EncounterID) throws -> Bill {
        try BillingError.requireValid(id, "encounter")
        guard let encounter = try store.encounter(id) else { return Bill(encounter: id) }
        return try kept.bill(of: encounter) ?? store.bill(of: id)
    }

    /// Adds the charge items not on the bill yet with the same details.
    func charge(_ items: [ChargeItem], to id: EncounterID) async throws -> CreditOutcome {
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

    /// Records the refund unless it is recorded with the same details.
    func refund(_ refund: ChargeRefund, in id: EncounterID) async throws -> CreditOutcome {
        try await changeBill(of: id) { _, bill in
            guard !bill.refunds.contains(where: { $0.refund == refund }) else { return [] }
            try bill.add(refund)
            return [.refund(id, refund)]
        }
    }

    /// Closes an inpatient stay's daily bills up to and including `day`.
    func closeDays(of id: EncounterID, through day: BillingDay) async throws -> CreditOutcome {
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
        try await turns.perform(id) {
            var (encounter, bill) = try openEncounterAndBill(id)
            let recorded = try change(&encounter, &bill)
            encounter.revision += 1
            let outcome = try await locker.bringToCredit(&encounter, bill: bill)
            try await writer.write(recorded + [.encounter(encounter)] + outcome.notifications.map(EncounterChange.notification))
            kept.keep(encounter, bill: bill)
            await outbox.deliver(outcome.notifications)
            return outcome
        }
    }

    /// Cancels an open encounter whose bill is empty or fully refunded, voiding its hold.
    func cancel(_ id: EncounterID) async throws {
        try await turns.perform(id) {
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
            try await writer.write([.encounter(encounter)])
        }
    }

    /// The open encounter and its bill: as this desk kept them from its last write, or read from
    /// the store.
    private func openEncounterAndBill(_ id: EncounterID) throws -> (Encounter, Bill) {
        if let kept = kept.take(id) { return kept }
        guard let encounter = try turns.encounterToChange(id) else { throw BillingError(.encounterNotFound, details: "encounter \(id)") }
        guard encounter.status == .open else { throw BillingError(.encounterNotOpen, details: "encounter \(id) is \(encounter.status)") }
        return (encounter, try store.bill(of: id))
    }
}
