public import CreditMedicalCore
import Foundation

/// The ledger's `LedgerStore` in a ``PostgresDatabase``: lines, holds and the journal, for
/// several SDK instances (processes, machines) on one database.
///
/// Concurrency: every batch runs in one transaction that first locks the `ledger_meta` row,
/// which holds the journal's last sequence number (`SELECT … FOR UPDATE`). Batches of all
/// instances therefore take turns, and each reads lines and holds that no other batch can change
/// before it commits, so no further row locks are needed. This is the choice because the
/// journal's sequence numbers must have no gaps and follow commit order, which a single counter
/// row gives directly; batching makes the turn cheap, since one transaction and one commit serve
/// a whole batch.
public struct PostgresLedgerStore: LedgerStore, PostgresLedgerQueries {
    /// The database the store writes to.
    public let database: PostgresDatabase

    /// The ledger's store in `database`.
    public init(database: PostgresDatabase) {
        self.database = database
    }

    /// Connects to `url` for a ledger alone; see ``PostgresDatabase/init(url:connections:options:)``.
    public init(url: String, connections: Int = 4, options: PostgresOptions = PostgresOptions()) throws {
        self.init(database: try PostgresDatabase(url: url, connections: connections, options: options))
    }

    /// Does nothing: commits are durable when they return.
    public func flush() throws {}

    public func transact<Result>(loading keys: LedgerStateKeys, _ body: (inout LedgerState) throws -> Result) throws -> Result {
        try OptimisticBatch.run { run in try database.write { connection in try attempt(keys, run, body, on: connection) } }
    }

    /// The work of a batch's transaction (``OptimisticBatch`` says when it runs again).
    private func attempt<Result>(
        _ keys: LedgerStateKeys, _ run: OptimisticBatch, _ body: (inout LedgerState) throws -> Result, on connection: PostgresConnection
    ) throws -> Result {
        let last = try connection.query("SELECT last_sequence FROM ledger_meta WHERE id = 1 FOR UPDATE").int64(0, 0) ?? 0
        let holds = try PostgresLedgerRows.holds(connection.query(
            "SELECT \(PostgresLedgerRows.holdColumns) FROM holds WHERE id = ANY($1::text[])",
            [PostgresLedgerRows.array(keys.holds.map(\.rawValue))]))
        var lines = try self.lines(keys.lines.union(holds.map(\.line)), on: connection)
        // A member line's guarantor moves with it: loaded too, in a second query when there is one.
        let guarantors = Set(lines.compactMap(\.guarantor)).subtracting(lines.map(\.id))
        if !guarantors.isEmpty { lines += try self.lines(guarantors, on: connection) }
        let toLoad = run.keysToLoad(keys)
        let receipts = toLoad.isEmpty ? [] : try entries(toLoad, on: connection)
        var state = LedgerState(lines: lines, holds: holds, receipts: receipts, lastSequence: last)
        let result = try body(&state)
        try run.checkRejected(keys, in: state) { try !entries($0, on: connection).isEmpty }
        try run.persist({ try persist(state, on: connection) }, isDuplicateKey: { ($0 as? PostgresStoreError)?.sqlState == "23505" })
        return result
    }

    /// The lines of `ids` that exist.
    private func lines(_ ids: Set<CreditLineID>, on connection: PostgresConnection) throws -> [CreditLine] {
        try PostgresLedgerRows.lines(connection.query(
            "SELECT \(PostgresLedgerRows.lineColumns) FROM credit_lines WHERE id = ANY($1::text[])",
            [PostgresLedgerRows.array(ids.map(\.rawValue))]))
    }

    /// The journal entries recorded for `keys`.
    private func entries(_ keys: Set<IdempotencyKey>, on connection: PostgresConnection) throws -> [JournalEntry] {
        try PostgresLedgerRows.entries(connection.query(
            "SELECT \(PostgresLedgerRows.entryColumns) FROM journal WHERE idempotency_key = ANY($1::text[])",
            [PostgresLedgerRows.array(keys.map(\.rawValue))]))
    }

    /// Writes the batch's entries, its final lines and holds, and the last sequence number. Each
    /// table's rows are encoded while the server inserts the previous table's.
    private func persist(_ state: LedgerState, on connection: PostgresConnection) throws {
        guard !state.newEntries.isEmpty else { return }
        let tables: [(sql: String, rows: () -> [[PostgresValue]])] = [
            (database.insertStatement(into: "journal", columns: PostgresLedgerRows.entryColumns, updating: [], key: "id"),
             { state.newEntries.map(PostgresLedgerRows.values) }),
            (database.insertStatement(into: "credit_lines", columns: PostgresLedgerRows.lineColumns,
                                 updating: ["limit_fen", "held_fen", "outstanding_fen", "status", "updated_at", "members_outstanding_fen"],
                                 key: "id"),
             { state.changedLines.map(PostgresLedgerRows.values) }),
            (database.insertStatement(into: "holds", columns: PostgresLedgerRows.holdColumns,
                                 updating: ["amount_fen", "captured_fen", "state", "expires_at", "ended_at"], key: "id"),
             { state.changedHolds.map(PostgresLedgerRows.values) }),
        ]
        var sending = false
        for table in tables {
            let rows = table.rows()
            guard !rows.isEmpty else { continue }
            let arrays = PostgresDatabase.columnArrays(rows)
            if sending { try connection.finish() }
            try connection.send(table.sql, arrays)
            sending = true
        }
        if sending { try connection.finish() }
        try connection.query("UPDATE ledger_meta SET last_sequence = $1 WHERE id = 1", [.integer(state.lastSequence)])
    }

    func read<Row>(_ sql: String, _ parameters: [PostgresValue],
                   _ decode: (PostgresResult) throws(PostgresStoreError) -> [Row]) throws -> [Row] {
        try database.read(sql, parameters, decode)
    }
}
