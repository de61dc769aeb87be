public import CreditMedicalCore

/// One change the ``CreditDesk`` asks an ``EncounterStore`` to persist.
public enum EncounterChange: Sendable, Hashable {
    /// Inserts the encounter when none with its id is stored, or replaces the stored one whose
    /// ``Encounter/revision`` is the one before; otherwise the commit fails with
    /// ``StaleEncounterError``.
    case encounter(Encounter)
    /// Appends charge items to an encounter's bill.
    case items(EncounterID, [ChargeItem])
    /// Appends a refund to an encounter's bill.
    case refund(EncounterID, ChargeRefund)
    /// Inserts the settlement record or replaces it (one per encounter and round).
    case settlement(SettlementRecord)
    /// Puts a notification into the outbox.
    case notification(PatientNotification)
    /// Takes a delivered notification out of the outbox.
    case notificationSent(AdapterRequestID)
    /// Counts a failed attempt to deliver a notification that stays in the outbox.
    case deliveryFailed(AdapterRequestID)
}

/// Where the ``CreditDesk`` keeps encounters, their charge items and refunds, settlement records
/// and the notification outbox. The ledger keeps the money; this store keeps the paperwork.
///
/// A store:
/// - MUST apply the changes of one ``commit(_:)`` atomically, in order, and durably when
///   ``flush()`` returns (or before ``commit(_:)`` returns);
/// - MUST refuse a commit that would replace an encounter with anything but its next revision,
///   with ``StaleEncounterError`` naming every such encounter, storing nothing of it (also when
///   another process commits at the same time);
/// - MUST return items and refunds in the order they were appended;
/// - MUST be safe to call from several threads at once.
///
/// Implementations: memory (`CreditMedicalTesting`), SQLite (`CreditMedicalSQLite`, in the same
/// file as the ledger). `EncounterStoreConformance` is the test a store must pass.
public protocol EncounterStore: EncounterReader {
    /// Persists `changes` in one transaction.
    func commit(_ changes: [EncounterChange]) throws
    /// Makes every commit that has returned durable.
    func flush() throws
}

/// The queries of the desk's paperwork: what an ``EncounterStore`` answers, and what a read-only
/// snapshot of one (for an audit or a report) answers without being able to write.
public protocol EncounterReader: Sendable {
    /// The encounter with this id.
    func encounter(_ id: EncounterID) throws -> Encounter?
    /// Up to `limit` encounters whose ids come after `after` (all when `nil`), ordered by id.
    func encounters(after: EncounterID?, limit: Int) throws -> [Encounter]
    /// The encounter's charge items and refunds, each in the order they were appended.
    func charges(of id: EncounterID) throws -> (items: [ChargeItem], refunds: [ChargeRefund])
    /// The encounter's latest settlement record.
    func settlement(of id: EncounterID) throws -> SettlementRecord?
    /// The encounter's settlement records of every round, the first round first.
    func settlements(of id: EncounterID) throws -> [SettlementRecord]
    /// Up to `limit` settlement records in one of `steps`, oldest first.
    func settlements(in steps: Set<SettlementRecord.Step>, limit: Int) throws -> [SettlementRecord]
    /// Up to `limit` settlement records whose advance was requested and is not paid yet, the
    /// earliest due first.
    func settlementsAwaitingAdvance(limit: Int) throws -> [SettlementRecord]
    /// Up to `limit` notifications still in the outbox whose delivery failed at least `attempts`
    /// times (``EncounterChange/deliveryFailed(_:)``), oldest first.
    func pendingNotifications(failedAtLeast attempts: Int, limit: Int) throws -> [PatientNotification]
}

extension EncounterStore {
    /// Does nothing: the store's commits are durable when they return.
    public func flush() throws {}
}

extension EncounterReader {
    /// Up to `limit` notifications still in the outbox, oldest first.
    public func pendingNotifications(limit: Int) throws -> [PatientNotification] {
        try pendingNotifications(failedAtLeast: 0, limit: limit)
    }

    /// The encounter's bill, rebuilt from its items and refunds.
    public func bill(of id: EncounterID) throws -> Bill {
        let (items, refunds) = try charges(of: id)
        var bill = Bill(encounter: id)
        for item in items { try bill.add(item) }
        for refund in refunds { try bill.add(refund) }
        return bill
    }
}
