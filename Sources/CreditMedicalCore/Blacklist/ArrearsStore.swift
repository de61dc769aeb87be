/// Keeps the arrears list: every step of every entry (the entries' history, never changed) and
/// the outbox of pushes to the ``PublicCreditRegistry``.
///
/// Conforming types MUST:
/// - keep steps and pushes durably once ``append(_:pushes:)`` returns, all of a call or, when it
///   throws, none;
/// - keep the first step of a name within an entry (``ArrearsEvent/Change/name``): appending it
///   again changes nothing and does not fail, and ``append(_:pushes:)`` names its entry;
/// - queue a call's pushes only when it records every step of the call (the pushes belong to
///   those steps: a step kept from before queued its own), and each push once per id: one
///   queued or delivered before is not queued again;
/// - answer ``events(of:)`` and ``page(after:limit:)`` in the order recorded, byte for byte as
///   given, and the entries of a patient, subject or line in the order listed;
/// - answer ``pendingPushes(limit:)`` with the pushes not delivered, in the order queued, with
///   how many attempts failed and the last failure's code; a push recorded as delivered is never
///   pending again, also when a failed attempt is recorded for it later.
///
/// `ArrearsStoreConformance` in `CreditMedicalConformance` checks these against a store.
public protocol ArrearsStore: Sendable {
    /// Records `events` in order, except those whose entry has a step of that name already
    /// (recorded before, or earlier in the call), and, when it records them all, queues `pushes`,
    /// except those whose id was queued before. Returns the entries of the steps it kept from
    /// before instead (another process may have recorded them); then it queued nothing.
    @discardableResult
    func append(_ events: [ArrearsEvent], pushes: [RegistryPush]) throws -> Set<ArrearsEntryID>
    /// The steps of `entry`, in the order recorded.
    func events(of entry: ArrearsEntryID) throws -> [ArrearsEvent]
    /// The entries listing `patient` (the HIS's id), in the order listed.
    func entries(ofPatient patient: String) throws -> [ArrearsEntryID]
    /// The entries listing `subject`, in the order listed.
    func entries(ofSubject subject: ArrearsSubject) throws -> [ArrearsEntryID]
    /// The entries on `line`, in the order listed.
    func entries(onLine line: CreditLineID) throws -> [ArrearsEntryID]
    /// Up to `limit` steps recorded after position `after` (0 for the first), in the order
    /// recorded.
    func page(after: Int64, limit: Int) throws -> HistoryPage<ArrearsEvent>
    /// Up to `limit` pushes not delivered yet, in the order queued.
    func pendingPushes(limit: Int) throws -> [RegistryOutboxItem]
    /// Records how sending pushes went: a delivered one leaves the outbox, a failed one stays
    /// with one more failed attempt. Attempts for ids the outbox does not hold change nothing.
    func recordAttempts(_ attempts: [RegistryPushAttempt]) throws
}
