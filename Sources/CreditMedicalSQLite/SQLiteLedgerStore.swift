public import CreditMedicalCore
import CSQLite
import Foundation

/// The embedded default `LedgerStore`: one SQLite file in write-ahead-log mode with durable
/// commits.
///
/// A committed batch is on disk when ``flush()`` returns: it fsyncs the write-ahead log, which
/// covers every batch committed before. The `Ledger` answers a batch's callers only after
/// that, and meanwhile already runs the next batch, so the fsync does not hold up the writer.
/// (SQLite itself runs with `synchronous=NORMAL`: it syncs around checkpoints, and its log
/// checksums discard a torn tail after a power loss, so the file is always consistent and every
/// acknowledged batch is in it.) Queries may see a committed batch a moment before it is on disk.
///
/// Safe to use from many tasks (one connection behind a lock). Several stores or processes may
/// open the same file: each batch runs in a `BEGIN IMMEDIATE` transaction that reads the state it
/// decides on, so writers take turns; a writer that waits longer than ``busyTimeoutMilliseconds``
/// gets a ``SQLiteStoreError`` with ``SQLiteStoreError/isBusy`` and nothing of its batch is stored.
public final class SQLiteLedgerStore: LedgerStore, SQLiteQuerying {
    /// How long a writer waits for another connection's lock before giving up.
    public static let busyTimeoutMilliseconds = 10_000

    /// The database file.
    public let path: String
    let connection: SQLiteConnection
    let lock = NSLock()
    private var cache = LedgerCache()
    let log: WriteAheadLogFile
    private let readers: SQLiteReaders

    /// Opens (creating if needed) the ledger database at `path`, switches it to WAL with durable
    /// commits and runs pending migrations. Throws ``SQLiteStoreError`` with
    /// ``SQLiteStoreError/Code/schemaTooNew`` for a database written by a newer SDK.
    public init(path: String) throws {
        let connection = try SQLiteConnection(path: path)
        try connection.execute("PRAGMA busy_timeout = \(Self.busyTimeoutMilliseconds)")
        try Self.switchToWriteAheadLog(connection)
        try connection.execute("PRAGMA synchronous = NORMAL")
        try connection.execute("PRAGMA wal_autocheckpoint = 16384")
        try SQLiteSchema.migrate(connection)
        self.log = try WriteAheadLogFile(database: path)
        try log.sync()
        self.readers = try SQLiteReaders(path: path, count: 4, busyTimeoutMilliseconds: Self.busyTimeoutMilliseconds)
        self.path = path
        self.connection = connection
    }

    /// Switches the file to write-ahead logging, a property of the file: switched on once, it needs
    /// no write lock when the file is opened again (asking for it anyway would take one). While
    /// many processes open a new file at once, switching can meet another's lock without SQLite
    /// waiting for it; then it tries again, for up to ``busyTimeoutMilliseconds``.
    private static func switchToWriteAheadLog(_ connection: SQLiteConnection) throws {
        let deadline = ContinuousClock.now + .milliseconds(busyTimeoutMilliseconds)
        while true {
            do {
                if try connection.text("PRAGMA journal_mode")?.lowercased() == "wal" { return }
                let mode = try connection.text("PRAGMA journal_mode = WAL")
                guard mode?.lowercased() == "wal" else {
                    throw SQLiteStoreError(.walUnavailable, message: "The database stays in journal mode \(mode ?? "unknown").")
                }
                return
            } catch let error as SQLiteStoreError where error.isBusy && ContinuousClock.now < deadline {
                usleep(UInt32.random(in: 1_000...10_000))
            }
        }
    }

    /// Fsyncs the write-ahead log: every batch committed before the call is on disk when it
    /// returns. Safe to call while other batches are being written. Returns at once when a sync
    /// that began after this store's last commit has finished (the ledger and the desk flush the
    /// same log).
    public func flush() throws {
        try log.sync()
    }

    /// Runs `body` in a write transaction of the connection and counts the commit for
    /// ``flush()``. The caller holds ``lock``.
    func writeTransaction<Result>(_ body: () throws -> Result) throws -> Result {
        let result = try connection.writeTransaction(body)
        log.committed()
        return result
    }

    /// The schema version this SDK writes.
    public static var schemaVersion: Int { SQLiteSchema.migrations.count }

    public func transact<Result>(loading keys: LedgerStateKeys, _ body: (inout LedgerState) throws -> Result) throws -> Result {
        try lock.withLock { try OptimisticBatch.run { run in try attempt(keys, run, body) } }
    }

    /// One write transaction for a batch (``OptimisticBatch`` says when it runs again).
    private func attempt<Result>(_ keys: LedgerStateKeys, _ run: OptimisticBatch, _ body: (inout LedgerState) throws -> Result) throws -> Result {
        var written: (lines: [CreditLine], holds: [Hold], lastSequence: Int64)?
        do {
            let result = try writeTransaction {
                cache.validate(dataVersion: try connection.scalar("PRAGMA data_version") ?? 0)
                var state = try load(keys, receipts: run.keysToLoad(keys))
                let result = try body(&state)
                try run.checkRejected(keys, in: state, recorded: anyRecorded)
                written = try run.persist({ try persist(state) }, isDuplicateKey: { ($0 as? SQLiteStoreError)?.resultCode == sqliteConstraintUnique })
                return result
            }
            if let written { cache.remember(lines: written.lines, holds: written.holds, lastSequence: written.lastSequence) }
            return result
        } catch {
            cache.reset()
            throw error
        }
    }

    private func load(_ keys: LedgerStateKeys, receipts receiptKeys: Set<IdempotencyKey>) throws -> LedgerState {
        var holds: [Hold] = []
        var missingHolds: [String] = []
        for id in keys.holds {
            if let hold = cache.openHolds[id] { holds.append(hold) } else { missingHolds.append(id.rawValue) }
        }
        holds += try connection.rows(Rows.selectHold, whereColumn: "id", in: missingHolds, decode: Rows.hold)
        var lines: [CreditLine] = []
        var missingLines: [String] = []
        for id in keys.lines.union(holds.map(\.line)) {
            if let line = cache.lines[id] { lines.append(line) } else { missingLines.append(id.rawValue) }
        }
        lines += try connection.rows(Rows.selectLine, whereColumn: "id", in: missingLines, decode: Rows.line)
        let receipts = try connection.rows(Rows.selectEntry, whereColumn: "idempotency_key",
                                           in: receiptKeys.map(\.rawValue), decode: Rows.entry)
        let lastSequence = try cache.lastSequence ?? connection.scalar("SELECT max(sequence) FROM journal") ?? 0
        return LedgerState(lines: lines, holds: holds, receipts: receipts, lastSequence: lastSequence)
    }

    private func anyRecorded(_ keys: Set<IdempotencyKey>) throws -> Bool {
        try !connection.rows("SELECT idempotency_key FROM journal", whereColumn: "idempotency_key", in: keys.map(\.rawValue),
                             decode: { $0.int64(0) }).isEmpty
    }

    /// Writes the batch's entries and final lines and holds, and returns what it wrote.
    private func persist(_ state: LedgerState) throws -> (lines: [CreditLine], holds: [Hold], lastSequence: Int64) {
        let lines = state.changedLines
        let holds = state.changedHolds
        guard !state.newEntries.isEmpty else { return (lines, holds, state.lastSequence) }
        try connection.run(Rows.insertEntries, rows: state.newEntries, bind: Rows.bind)
        try connection.run(Rows.upsertLines, rows: lines, bind: Rows.bind)
        try connection.run(Rows.upsertHolds, rows: holds, bind: Rows.bind)
        return (lines, holds, state.lastSequence)
    }

    /// Runs a query on one of the read-only connections, beside any write transaction.
    func read<Row>(_ sql: String, _ values: [SQLiteValue], decode: (SQLiteStatement) throws(SQLiteStoreError) -> Row) throws -> [Row] {
        try readers.withConnection { try $0.rows(of: sql, values, decode: decode) }
    }
}

/// `SQLITE_CONSTRAINT_UNIQUE`, a macro Swift does not import: a unique index refused a row.
private let sqliteConstraintUnique = SQLITE_CONSTRAINT | (8 << 8)


// The connection and the cache are used only while `lock` is held.
extension SQLiteLedgerStore: @unchecked Sendable {}

extension SQLiteLedgerStore {
    /// Whether every batch is on disk before the ledger acknowledges it: the database is in
    /// write-ahead-log mode and ``flush()`` fsyncs that log.
    public func commitsAreDurable() throws -> Bool {
        try lock.withLock { try connection.text("PRAGMA journal_mode")?.lowercased() == "wal" }
    }
}
