public import CreditMedicalHIS

/// A `CreditDatabase` in memory: an ``InMemoryLedgerStore``, an ``InMemoryEncounterStore`` and
/// the other in-memory stores side by side, so that a whole credit desk runs in a test, a
/// simulation or the demo without a file. Nothing survives the process.
public struct InMemoryDatabase: CreditDatabase {
    /// The ledger's lines, holds and journal.
    public let ledgerStore = InMemoryLedgerStore()
    /// The desk's encounters, charges, settlements and outbox.
    public let encounterStore = InMemoryEncounterStore()
    /// The credit score decisions.
    public let scoreRecordStore = InMemoryScoreRecordStore()
    /// The consent signatures and cancellations.
    public let consentStore = InMemoryConsentStore()
    /// The enrollments' steps.
    public let enrollmentStore = InMemoryEnrollmentStore()
    /// The arrears list and its registry outbox.
    public let arrearsStore = InMemoryArrearsStore()
    /// The receivables and the overdue job's record.
    public let receivableStore = InMemoryReceivableStore()

    /// An empty database.
    public init() {}
}
