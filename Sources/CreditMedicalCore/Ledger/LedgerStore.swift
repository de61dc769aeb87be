/// Where a ``Ledger`` keeps its lines, holds and journal. A store loads and persists; it never
/// decides: every change comes from the ``LedgerStateMachine`` through ``transact(loading:_:)``.
///
/// Implementations are provided for memory (`CreditMedicalTesting`), SQLite
/// (`CreditMedicalSQLite`) and vendors' own databases. A store:
///
/// - MUST, in ``transact(loading:_:)``, load the lines, holds, their lines, the guarantor line of
///   every member line among those (``CreditLine/guarantor``), and the journal entries of the
///   idempotency keys named by the ``LedgerStateKeys``, together with the last
///   journal sequence number, in one transaction that isolates the batch from concurrent
///   writers (also in other processes). A store MAY instead run `body` on a state without some
///   keys' entries when it then detects every such key that was recorded before (a unique index
///   on the journal's keys, a look-up of the keys of rejected commands), rolls back and runs
///   `body` again with them loaded; so `body` MAY run more than once and must be pure;
/// - MUST persist, after `body` returns, every entry in ``LedgerState/newEntries`` and the
///   final state of every line and hold they name (``LedgerState/changedLines``,
///   ``LedgerState/changedHolds``), atomically before returning, and durably before returning
///   or at the latest when the next ``flush()`` returns;
/// - MUST persist nothing when `body` throws or the commit fails, and then throw;
/// - MUST keep journal entries exactly as given and answer queries with what was persisted;
/// - MUST be safe to call from several threads at once.
///
/// The ledger calls ``transact(loading:_:)`` from its own writer queue, never from the Swift
/// concurrency pool, so blocking I/O there is fine. `CreditMedicalConformance`'s
/// `LedgerStoreConformance` is the test a store must pass.
public protocol LedgerStore: LedgerReader {
    /// Loads what `keys` names, lets `body` change it, then persists the changes in the same
    /// transaction and returns `body`'s result.
    func transact<Result>(loading keys: LedgerStateKeys, _ body: (inout LedgerState) throws -> Result) throws -> Result

    /// Makes every transaction that has returned durable. The ``Ledger`` calls it before it
    /// answers a batch's callers, from another thread than the one running the next
    /// ``transact(loading:_:)``. Stores whose transactions are durable when they return need not
    /// implement it.
    func flush() throws
}

/// The queries of a ledger's lines, holds and journal: what a ``LedgerStore`` answers, and what
/// a read-only snapshot of one (for an audit or a report) answers without being able to write.
///
/// Every query answers with what was persisted; ids are passed already validated.
public protocol LedgerReader: Sendable {
    /// The line with this id.
    func line(_ id: CreditLineID) throws -> CreditLine?
    /// Up to `limit` lines with ids greater than `after` (all when `nil`), ordered by id.
    func lines(after: CreditLineID?, limit: Int) throws -> [CreditLine]
    /// The member lines whose guarantor is `guarantor`, open and closed, ordered by id. A default
    /// implementation reads every line; stores answer from an index.
    func memberLines(of guarantor: CreditLineID) throws -> [CreditLine]
    /// The hold with this id.
    func hold(_ id: HoldID) throws -> Hold?
    /// The holds of one line, open and ended, ordered by id.
    func holds(on line: CreditLineID) throws -> [Hold]
    /// Up to `limit` holds with ids greater than `after` (all when `nil`), ordered by id.
    func holds(after: HoldID?, limit: Int) throws -> [Hold]
    /// Up to `limit` open holds whose expiry time is at or before `time`, ordered by id.
    func openHolds(expiringBy time: Timestamp, limit: Int) throws -> [Hold]
    /// Up to `limit` journal entries with sequence numbers greater than `after`, in order;
    /// only the entries of `line` when it is given.
    func journal(line: CreditLineID?, after: Int64, limit: Int) throws -> [JournalEntry]
    /// The journal entry recorded for an idempotency key.
    func entry(for key: IdempotencyKey) throws -> JournalEntry?
}

extension LedgerReader {
    /// Reads every line, page by page, and keeps those of `guarantor`.
    public func memberLines(of guarantor: CreditLineID) throws -> [CreditLine] {
        var members: [CreditLine] = []
        var after: CreditLineID?
        while true {
            let page = try lines(after: after, limit: 1_000)
            members += page.filter { $0.guarantor == guarantor }
            guard page.count == 1_000, let last = page.last else { return members }
            after = last.id
        }
    }
}

extension LedgerStore {
    /// Does nothing: the store's transactions are durable when they return.
    public func flush() throws {}
}
