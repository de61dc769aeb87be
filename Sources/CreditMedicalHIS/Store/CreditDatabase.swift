public import CreditMedicalCore

/// One database that keeps both the ledger and the credit desk's paperwork — a SQLite file, a
/// PostgreSQL database, or memory — and hands out a store of each kind that share its handle, as
/// GRDB's `DatabaseQueue` serves its records: one place to back up, one place to move.
///
/// ```swift
/// let database = try SQLiteDatabase(path: "/var/lib/his/credit.sqlite")
/// let ledger = Ledger(store: database.ledgerStore)
/// let desk = CreditDesk(ledger: ledger, store: database.encounterStore, …)
/// ```
public protocol CreditDatabase: Sendable {
    associatedtype LedgerStoreType: LedgerStore
    associatedtype EncounterStoreType: EncounterStore
    associatedtype ScoreRecordStoreType: ScoreRecordStore
    associatedtype ConsentStoreType: ConsentStore
    associatedtype EnrollmentStoreType: EnrollmentStore
    associatedtype ReceivableStoreType: ReceivableStore
    associatedtype ArrearsStoreType: ArrearsStore
    /// The ledger's lines, holds and journal.
    var ledgerStore: LedgerStoreType { get }
    /// The desk's encounters, charges, settlement records and notification outbox.
    var encounterStore: EncounterStoreType { get }
    /// The credit score decisions.
    var scoreRecordStore: ScoreRecordStoreType { get }
    /// The consent signatures and cancellations.
    var consentStore: ConsentStoreType { get }
    /// The enrollments' steps.
    var enrollmentStore: EnrollmentStoreType { get }
    /// The receivables folded from the ledger's journal, and the overdue job's record.
    var receivableStore: ReceivableStoreType { get }
    /// The arrears list and its outbox of registry pushes.
    var arrearsStore: ArrearsStoreType { get }
}
