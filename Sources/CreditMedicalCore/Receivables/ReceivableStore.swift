/// Where a ``ReceivableBook`` keeps the receivables it folded from the ledger's journal, the
/// journal position they reflect, and the overdue job's record of collection steps.
///
/// Two writers share it and must never overwrite each other: the book (``advance(from:to:saving:)``
/// writes what the journal says: principal, repaid, paid-off time) and the overdue job
/// (``saveCollection(_:events:)`` writes only ``Receivable/collection`` and appends events).
/// A store:
///
/// - MUST, in ``advance(from:to:saving:)``, save the receivables and move the position from
///   `from` to `to` atomically, and throw `ReceivableError.Code.positionMoved` without saving
///   anything when the position is no longer `from` (another process advanced it);
/// - MUST keep the ``Receivable/collection`` of a receivable that exists when saving it there,
///   and the journal fields of one when saving its collection;
/// - MUST append collection events and write-off records in the order given and never change or
///   drop one; an event whose id, or a write-off whose hold, is recorded already is kept as it was;
/// - MUST be safe to call from several threads and processes at once.
///
/// `CreditMedicalConformance`'s `ReceivableStoreConformance` is the test a store must pass.
public protocol ReceivableStore: Sendable {
    /// The sequence number of the last journal entry the receivables reflect (0 for none).
    func position() throws -> Int64
    /// Saves `receivables` and moves the position from `from` to `to`, in one transaction.
    func advance(from: Int64, to: Int64, saving receivables: [Receivable]) throws
    /// The receivables of these holds that exist.
    func receivables(of holds: Set<HoldID>) throws -> [Receivable]
    /// The receivables of these lines with something owed.
    func openReceivables(on lines: Set<CreditLineID>) throws -> [Receivable]
    /// Every receivable of one line, owed or paid, oldest first (by capture time, then hold).
    func receivables(on line: CreditLineID) throws -> [Receivable]
    /// Up to `limit` receivables with holds greater than `after` (all when `nil`), ordered by hold.
    func receivables(after: HoldID?, limit: Int) throws -> [Receivable]
    /// Up to `limit` receivables the overdue job must look at `time`, ordered by hold, with holds
    /// greater than `after`: those with something owed whose ``CollectionProgress/reviewAt`` is
    /// at or before `time`, and those paid off whose progress says they restricted their line.
    func needingCollection(at time: Timestamp, after: HoldID?, limit: Int) throws -> [Receivable]
    /// Saves the ``Receivable/collection`` of each receivable (nothing else) and appends
    /// `events`, in one transaction.
    func saveCollection(_ receivables: [Receivable], events: [CollectionEvent]) throws
    /// The collection events of one receivable, in the order recorded.
    func collectionEvents(of hold: HoldID) throws -> [CollectionEvent]
    /// Appends write-off records; a receivable's first record is kept as it was.
    func recordWriteOffs(_ records: [WriteOffRecord]) throws
    /// The write-off records in the order recorded, a page at a time.
    func writeOffs(after: Int64, limit: Int) throws -> HistoryPage<WriteOffRecord>
}
