public import CreditMedicalCore
import Foundation
import Synchronization

/// A ``LedgerStore`` in PostgreSQL, for several SDK instances (processes, machines) on one
/// database. Configured by a libpq URL; a small pool of connections, reopened after a drop.
///
/// Concurrency: every batch runs in one transaction that first locks the `ledger_meta` row,
/// which holds the journal's last sequence number (`SELECT … FOR UPDATE`). Batches of all
/// instances therefore take turns, and each reads lines and holds that no other batch can change
/// before it commits, so no further row locks are needed. This is the choice because the
/// journal's sequence numbers must have no gaps and follow commit order, which a single counter
/// row gives directly; batching makes the turn cheap, since one transaction and one commit serve
/// a whole batch. Commits are durable when they return (`synchronous_commit=on`).
public final class PostgresLedgerStore: LedgerStore {
    /// The connection URL.
    public let url: String
    private let pool: PostgresConnectionPool
    /// The insert statements by table, columns and update, made on first use (see ``insert(into:columns:rows:updating:key:on:)``).
    private let insertStatements = Mutex<[String: String]>([:])

    /// Connects to `url`, runs pending migrations and keeps up to `connections` connections.
    /// Throws ``PostgresStoreError`` with ``PostgresStoreError/Code/schemaTooNew`` for a database
    /// written by a newer SDK.
    public init(url: String, connections: Int = 4) throws {
        self.url = url
        self.pool = PostgresConnectionPool(url: url, size: connections)
        try pool.withConnection { connection in
            try connection.execute("SET synchronous_commit = on")
            try PostgresSchema.migrate(connection)
        }
    }

    /// Does nothing: commits are durable when they return.
    public func flush() throws {}

    /// The schema version this SDK writes.
    public static var schemaVersion: Int { PostgresSchema.migrations.count }

    /// Whether a commit is on disk when it returns: the server runs with `fsync` and
    /// `synchronous_commit` on.
    public func commitsAreDurable() throws -> Bool {
        try pool.withConnection { connection in
            try connection.query("SHOW fsync").text(0, 0) == "on" && connection.query("SHOW synchronous_commit").text(0, 0) == "on"
        }
    }

    public func transact<Result>(loading keys: LedgerStateKeys, _ body: (inout LedgerState) throws -> Result) throws -> Result {
        try pool.withConnection { connection in
            do {
                return try attempt(keys, checkingKeysFirst: false, body, on: connection)
            } catch is KeyRecordedBefore {
                return try attempt(keys, checkingKeysFirst: true, body, on: connection)
            }
        }
    }

    /// One transaction for a batch.
    ///
    /// Replays are rare, so the first attempt does not look the batch's idempotency keys up: it
    /// runs the batch as if every key were new, lets the journal's unique index catch a key
    /// recorded before, and looks up only the keys of rejected commands (whose rejection might
    /// have been a replay). When a key was recorded before, the attempt rolls back with
    /// ``KeyRecordedBefore`` and the batch runs again with its keys' entries loaded.
    private func attempt<Result>(
        _ keys: LedgerStateKeys, checkingKeysFirst: Bool, _ body: (inout LedgerState) throws -> Result,
        on connection: PostgresConnection
    ) throws -> Result {
        try connection.transaction {
            let last = try connection.query("SELECT last_sequence FROM ledger_meta WHERE id = 1 FOR UPDATE").int64(0, 0) ?? 0
            let holds = try PostgresLedgerRows.holds(connection.query(
                "SELECT \(PostgresLedgerRows.holdColumns) FROM holds WHERE id = ANY($1::text[])",
                [PostgresLedgerRows.array(keys.holds.map(\.rawValue))]))
            let lineIDs = keys.lines.union(holds.map(\.line))
            let lines = try PostgresLedgerRows.lines(connection.query(
                "SELECT \(PostgresLedgerRows.lineColumns) FROM credit_lines WHERE id = ANY($1::text[])",
                [PostgresLedgerRows.array(lineIDs.map(\.rawValue))]))
            let receipts = checkingKeysFirst ? try entries(keys.keys, on: connection) : []
            var state = LedgerState(lines: lines, holds: holds, receipts: receipts, lastSequence: last)
            let result = try body(&state)
            if !checkingKeysFirst {
                var rejected = keys.keys
                for entry in state.newEntries { rejected.remove(entry.key) }
                if !rejected.isEmpty, try !entries(rejected, on: connection).isEmpty { throw KeyRecordedBefore() }
            }
            do {
                try persist(state, on: connection)
            } catch let error as PostgresStoreError where !checkingKeysFirst && error.sqlState == "23505" {
                throw KeyRecordedBefore()
            }
            return result
        }
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
            (try insertStatement(into: "journal", columns: PostgresLedgerRows.entryColumns, updating: [], key: "id", on: connection),
             { state.newEntries.map(PostgresLedgerRows.values) }),
            (try insertStatement(into: "credit_lines", columns: PostgresLedgerRows.lineColumns,
                                 updating: ["limit_fen", "held_fen", "outstanding_fen", "status", "updated_at"], key: "id", on: connection),
             { state.changedLines.map(PostgresLedgerRows.values) }),
            (try insertStatement(into: "holds", columns: PostgresLedgerRows.holdColumns,
                                 updating: ["amount_fen", "captured_fen", "state", "expires_at", "ended_at"], key: "id", on: connection),
             { state.changedHolds.map(PostgresLedgerRows.values) }),
        ]
        var sending = false
        for table in tables {
            let rows = table.rows()
            guard !rows.isEmpty else { continue }
            let arrays = Self.columnArrays(rows)
            if sending { try connection.finish() }
            try connection.send(table.sql, arrays)
            sending = true
        }
        if sending { try connection.finish() }
        try connection.query("UPDATE ledger_meta SET last_sequence = $1 WHERE id = 1", [.integer(state.lastSequence)])
    }

    /// Inserts `rows` with one statement per table, however many rows: each column goes as one
    /// array parameter, unnested by the server (`INSERT … SELECT * FROM unnest($1::bigint[], …)`),
    /// so the statement's text and its parsing do not grow with the batch. Rows whose key (`id`,
    /// or `key`) exists get the named columns updated.
    func insert(into table: String, columns: String, rows: [[PostgresValue]], updating: [String] = [], key: String = "id",
                on connection: PostgresConnection) throws {
        guard !rows.isEmpty else { return }
        let sql = try insertStatement(into: table, columns: columns, updating: updating, key: key, on: connection)
        try connection.query(sql, Self.columnArrays(rows))
    }

    /// One array parameter per column of `rows`.
    private static func columnArrays(_ rows: [[PostgresValue]]) -> [PostgresValue] {
        guard let width = rows.first?.count else { return [] }
        return (0..<width).map { column in PostgresLedgerRows.array(literals: rows.lazy.map { $0[column] }) }
    }

    /// The text of ``insert(into:columns:rows:updating:key:on:)``'s statement for `table`, made
    /// once: each array parameter is cast to its column's type (`bigint` for integer columns,
    /// else `text`), as the table's columns in the database say.
    private func insertStatement(into table: String, columns: String, updating: [String], key: String,
                                 on connection: PostgresConnection) throws -> String {
        let signature = [table, columns, updating.joined(separator: ","), key].joined(separator: "|")
        if let known = insertStatements.withLock({ $0[signature] }) { return known }
        let result = try connection.query(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1",
            [.text(table)])
        var types: [String: String] = [:]
        for row in 0..<result.count {
            guard let name = result.text(row, 0), let type = result.text(row, 1) else { continue }
            types[name] = ["bigint", "integer", "smallint"].contains(type) ? "bigint" : "text"
        }
        let names = columns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let casts = names.enumerated().map { index, name in "$\(index + 1)::\(types[name] ?? "text")[]" }
        var sql = "INSERT INTO \(table) (\(columns)) SELECT * FROM unnest(\(casts.joined(separator: ", ")))"
        if !updating.isEmpty {
            sql += " ON CONFLICT (\(key)) DO UPDATE SET " + updating.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        }
        insertStatements.withLock { $0[signature] = sql }
        return sql
    }

    /// Runs `body` with a pooled connection.
    func withConnection<Result>(_ body: (PostgresConnection) throws -> Result) throws -> Result {
        try pool.withConnection(body)
    }

    func read<Row>(_ sql: String, _ parameters: [PostgresValue],
                           _ decode: (PostgresResult) throws(PostgresStoreError) -> [Row]) throws -> [Row] {
        try pool.withConnection { connection in try decode(connection.query(sql, parameters)) }
    }

    public func line(_ id: CreditLineID) throws -> CreditLine? {
        try read("SELECT \(PostgresLedgerRows.lineColumns) FROM credit_lines WHERE id = $1", [.text(id.rawValue)], PostgresLedgerRows.lines).first
    }

    public func lines(after: CreditLineID?, limit: Int) throws -> [CreditLine] {
        try read("SELECT \(PostgresLedgerRows.lineColumns) FROM credit_lines WHERE $1::text IS NULL OR id > $1 ORDER BY id LIMIT $2",
                 [.optional(after?.rawValue), .integer(Int64(limit))], PostgresLedgerRows.lines)
    }

    public func hold(_ id: HoldID) throws -> Hold? {
        try read("SELECT \(PostgresLedgerRows.holdColumns) FROM holds WHERE id = $1", [.text(id.rawValue)], PostgresLedgerRows.holds).first
    }

    public func holds(on line: CreditLineID) throws -> [Hold] {
        try read("SELECT \(PostgresLedgerRows.holdColumns) FROM holds WHERE line_id = $1 ORDER BY id", [.text(line.rawValue)],
                 PostgresLedgerRows.holds)
    }

    public func holds(after: HoldID?, limit: Int) throws -> [Hold] {
        try read("SELECT \(PostgresLedgerRows.holdColumns) FROM holds WHERE $1::text IS NULL OR id > $1 ORDER BY id LIMIT $2",
                 [.optional(after?.rawValue), .integer(Int64(limit))], PostgresLedgerRows.holds)
    }

    public func openHolds(expiringBy time: Timestamp, limit: Int) throws -> [Hold] {
        try read("SELECT \(PostgresLedgerRows.holdColumns) FROM holds WHERE state = 0 AND expires_at IS NOT NULL AND expires_at <= $1 "
                 + "ORDER BY id LIMIT $2", [.integer(time.millisecondsSince1970), .integer(Int64(limit))], PostgresLedgerRows.holds)
    }

    public func journal(line: CreditLineID?, after: Int64, limit: Int) throws -> [JournalEntry] {
        try read("SELECT \(PostgresLedgerRows.entryColumns) FROM journal WHERE ($1::text IS NULL OR line_id = $1) AND sequence > $2 "
                 + "ORDER BY sequence LIMIT $3", [.optional(line?.rawValue), .integer(after), .integer(Int64(limit))],
                 PostgresLedgerRows.entries)
    }

    public func entry(for key: IdempotencyKey) throws -> JournalEntry? {
        try read("SELECT \(PostgresLedgerRows.entryColumns) FROM journal WHERE idempotency_key = $1", [.text(key.rawValue)],
                 PostgresLedgerRows.entries).first
    }
}

/// Thrown inside a batch's transaction when a batch run as all-new met a key recorded before.
private struct KeyRecordedBefore: Error {}
