public import CreditMedicalCore
import CSQLite
import Foundation

/// The embedded default `LedgerStore`: the ledger's lines, holds and journal in a
/// ``SQLiteDatabase``, which keeps the desk's paperwork (``SQLiteEncounterStore``) beside them.
///
/// A committed batch is on disk when ``flush()`` returns (see ``SQLiteDatabase`` for how). Each
/// batch runs in one `BEGIN IMMEDIATE` transaction that reads the state it decides on, so several
/// processes on one file take turns; one that waits longer than
/// ``SQLiteDatabase/busyTimeoutMilliseconds`` gets a ``SQLiteStoreError`` with
/// ``SQLiteStoreError/isBusy`` and nothing of its batch is stored.
public struct SQLiteLedgerStore: LedgerStore, SQLiteLedgerQuerying {
    /// The database the store writes to.
    public let database: SQLiteDatabase

    /// The ledger's store in `database`.
    public init(database: SQLiteDatabase) {
        self.database = database
    }

    /// Opens (creating if needed) the database at `path` for a ledger alone; see
    /// ``SQLiteDatabase/init(path:)``.
    public init(path: String) throws {
        self.init(database: try SQLiteDatabase(path: path))
    }

    /// Fsyncs the write-ahead log: every batch committed before the call is on disk when it
    /// returns (``SQLiteDatabase/flush()``).
    public func flush() throws {
        try database.flush()
    }

    public func transact<Result>(loading keys: LedgerStateKeys, _ body: (inout LedgerState) throws -> Result) throws -> Result {
        try database.exclusively { try OptimisticBatch.run { run in try attempt(keys, run, body) } }
    }

    /// One write transaction for a batch (``OptimisticBatch`` says when it runs again).
    private func attempt<Result>(_ keys: LedgerStateKeys, _ run: OptimisticBatch, _ body: (inout LedgerState) throws -> Result) throws -> Result {
        var written: (lines: [CreditLine], holds: [Hold], lastSequence: Int64)?
        do {
            let result = try database.writeTransaction { connection in
                database.ledgerCache.validate(dataVersion: try connection.scalar("PRAGMA data_version") ?? 0)
                var state = try load(keys, receipts: run.keysToLoad(keys), from: connection)
                let result = try body(&state)
                try run.checkRejected(keys, in: state, recorded: { try anyRecorded($0, in: connection) })
                written = try run.persist({ try persist(state, to: connection) }, isDuplicateKey: { ($0 as? SQLiteStoreError)?.resultCode == sqliteConstraintUnique })
                return result
            }
            if let written { database.ledgerCache.remember(lines: written.lines, holds: written.holds, lastSequence: written.lastSequence) }
            return result
        } catch {
            database.ledgerCache.reset()
            throw error
        }
    }

    private func load(_ keys: LedgerStateKeys, receipts receiptKeys: Set<IdempotencyKey>, from connection: SQLiteConnection) throws -> LedgerState {
        let cache = database.ledgerCache
        var holds: [Hold] = []
        var missingHolds: [String] = []
        for id in keys.holds {
            if let hold = cache.openHolds[id] { holds.append(hold) } else { missingHolds.append(id.rawValue) }
        }
        holds += try connection.rows(Rows.selectHold, whereColumn: "id", in: missingHolds, decode: Rows.hold)
        var lines = try self.lines(keys.lines.union(holds.map(\.line)), cache: cache, from: connection)
        // A member line's guarantor moves with it: loaded too, in a second query.
        lines += try self.lines(Set(lines.compactMap(\.guarantor)).subtracting(lines.map(\.id)), cache: cache, from: connection)
        let receipts = try connection.rows(Rows.selectEntry, whereColumn: "idempotency_key",
                                           in: receiptKeys.map(\.rawValue), decode: Rows.entry)
        let lastSequence = try cache.lastSequence ?? connection.scalar("SELECT max(sequence) FROM journal") ?? 0
        return LedgerState(lines: lines, holds: holds, receipts: receipts, lastSequence: lastSequence)
    }

    /// The lines of `ids` that exist, from the cache where it has them.
    private func lines(_ ids: Set<CreditLineID>, cache: LedgerCache, from connection: SQLiteConnection) throws -> [CreditLine] {
        var lines: [CreditLine] = []
        var missing: [String] = []
        for id in ids {
            if let line = cache.lines[id] { lines.append(line) } else { missing.append(id.rawValue) }
        }
        return try lines + connection.rows(Rows.selectLine, whereColumn: "id", in: missing, decode: Rows.line)
    }

    private func anyRecorded(_ keys: Set<IdempotencyKey>, in connection: SQLiteConnection) throws -> Bool {
        try !connection.rows("SELECT idempotency_key FROM journal", whereColumn: "idempotency_key", in: keys.map(\.rawValue),
                             decode: { $0.int64(0) }).isEmpty
    }

    /// Writes the batch's entries and final lines and holds, and returns what it wrote.
    private func persist(_ state: LedgerState, to connection: SQLiteConnection) throws -> (lines: [CreditLine], holds: [Hold], lastSequence: Int64) {
        let lines = state.changedLines
        let holds = state.changedHolds
        guard !state.newEntries.isEmpty else { return (lines, holds, state.lastSequence) }
        try connection.run(Rows.insertEntries, rows: state.newEntries, bind: Rows.bind)
        try connection.run(Rows.upsertLines, rows: lines, bind: Rows.bind)
        try connection.run(Rows.upsertHolds, rows: holds, bind: Rows.bind)
        return (lines, holds, state.lastSequence)
    }

    func read<Row>(_ sql: String, _ values: [SQLiteValue], decode: (SQLiteStatement) throws(SQLiteStoreError) -> Row) throws -> [Row] {
        try database.read(sql, values, decode: decode)
    }
}

/// `SQLITE_CONSTRAINT_UNIQUE`, a macro Swift does not import: a unique index refused a row.
private let sqliteConstraintUnique = SQLITE_CONSTRAINT | (8 << 8)
