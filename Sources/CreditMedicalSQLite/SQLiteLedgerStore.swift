public import CreditMedicalCore
import CSQLite
import Foundation

/// The embedded default ``LedgerStore``: one SQLite file in write-ahead-log mode with durable
/// commits (`synchronous=FULL`: every committed batch is fsynced before ``transact(loading:_:)``
/// returns).
///
/// Safe to use from many tasks (one connection behind a lock). Several stores or processes may
/// open the same file: each batch runs in a `BEGIN IMMEDIATE` transaction that reads the state it
/// decides on, so writers take turns; a writer that waits longer than ``busyTimeoutMilliseconds``
/// gets a ``SQLiteStoreError`` with ``SQLiteStoreError/isBusy`` and nothing of its batch is stored.
public final class SQLiteLedgerStore: LedgerStore {
    /// How long a writer waits for another connection's lock before giving up.
    public static let busyTimeoutMilliseconds = 10_000

    /// The database file.
    public let path: String
    private let connection: SQLiteConnection
    private let lock = NSLock()

    /// Opens (creating if needed) the ledger database at `path`, switches it to WAL with durable
    /// commits and runs pending migrations. Throws ``SQLiteStoreError`` with
    /// ``SQLiteStoreError/Code/schemaTooNew`` for a database written by a newer SDK.
    public init(path: String) throws {
        let connection = try SQLiteConnection(path: path)
        try connection.execute("PRAGMA busy_timeout = \(Self.busyTimeoutMilliseconds)")
        let mode = try connection.text("PRAGMA journal_mode = WAL")
        guard mode?.lowercased() == "wal" else {
            throw SQLiteStoreError(.walUnavailable, message: "The database stays in journal mode \(mode ?? "unknown").")
        }
        try connection.execute("PRAGMA synchronous = FULL")
        try SQLiteSchema.migrate(connection)
        self.path = path
        self.connection = connection
    }

    /// The schema version this SDK writes.
    public static var schemaVersion: Int { SQLiteSchema.migrations.count }

    public func transact<Result>(loading keys: LedgerStateKeys, _ body: (inout LedgerState) throws -> Result) throws -> Result {
        try lock.withLock {
            try connection.writeTransaction {
                var state = try load(keys, from: connection)
                let result = try body(&state)
                try persist(state, to: connection)
                return result
            }
        }
    }

    private func load(_ keys: LedgerStateKeys, from connection: SQLiteConnection) throws -> LedgerState {
        let holdQuery = try connection.statement(Rows.selectHold + " WHERE id = ?1")
        var holds: [Hold] = []
        holds.reserveCapacity(keys.holds.count)
        for id in keys.holds {
            holds += try holdQuery.rows(.text(id.rawValue), decode: Rows.hold)
        }
        let lineQuery = try connection.statement(Rows.selectLine + " WHERE id = ?1")
        var lines: [CreditLine] = []
        lines.reserveCapacity(keys.lines.count)
        for id in keys.lines.union(holds.map(\.line)) {
            lines += try lineQuery.rows(.text(id.rawValue), decode: Rows.line)
        }
        let keyQuery = try connection.statement(Rows.selectEntry + " WHERE idempotency_key = ?1")
        var receipts: [JournalEntry] = []
        for key in keys.keys {
            receipts += try keyQuery.rows(.text(key.rawValue), decode: Rows.entry)
        }
        let lastSequence = try connection.scalar("SELECT max(sequence) FROM journal") ?? 0
        return LedgerState(lines: lines, holds: holds, receipts: receipts, lastSequence: lastSequence)
    }

    private func persist(_ state: LedgerState, to connection: SQLiteConnection) throws {
        guard !state.newEntries.isEmpty else { return }
        let insertEntry = try connection.statement(Rows.insertEntry)
        for entry in state.newEntries {
            try insertEntry.bind(Rows.values(of: entry))
            while try insertEntry.step() {}
        }
        let upsertLine = try connection.statement(Rows.upsertLine)
        for line in state.changedLines {
            try upsertLine.bind(Rows.values(of: line))
            while try upsertLine.step() {}
        }
        let upsertHold = try connection.statement(Rows.upsertHold)
        for hold in state.changedHolds {
            try upsertHold.bind(Rows.values(of: hold))
            while try upsertHold.step() {}
        }
    }

    /// Runs a read under the lock.
    private func read<Row>(_ sql: String, _ values: SQLiteValue..., decode: (SQLiteStatement) throws(SQLiteStoreError) -> Row) throws -> [Row] {
        try lock.withLock {
            let statement = try connection.statement(sql)
            try statement.bind(values)
            defer { sqlite3_reset(statement.handle) }
            var rows: [Row] = []
            while try statement.step() { rows.append(try decode(statement)) }
            return rows
        }
    }

    public func line(_ id: CreditLineID) throws -> CreditLine? {
        try read(Rows.selectLine + " WHERE id = ?1", .text(id.rawValue), decode: Rows.line).first
    }

    public func lines(after: CreditLineID?, limit: Int) throws -> [CreditLine] {
        try read(Rows.selectLine + " WHERE ?1 IS NULL OR id > ?1 ORDER BY id LIMIT ?2",
                 .optional(after?.rawValue), .integer(Int64(limit)), decode: Rows.line)
    }

    public func hold(_ id: HoldID) throws -> Hold? {
        try read(Rows.selectHold + " WHERE id = ?1", .text(id.rawValue), decode: Rows.hold).first
    }

    public func holds(on line: CreditLineID) throws -> [Hold] {
        try read(Rows.selectHold + " WHERE line_id = ?1 ORDER BY id", .text(line.rawValue), decode: Rows.hold)
    }

    public func holds(after: HoldID?, limit: Int) throws -> [Hold] {
        try read(Rows.selectHold + " WHERE ?1 IS NULL OR id > ?1 ORDER BY id LIMIT ?2",
                 .optional(after?.rawValue), .integer(Int64(limit)), decode: Rows.hold)
    }

    public func openHolds(expiringBy time: Timestamp, limit: Int) throws -> [Hold] {
        try read(Rows.selectHold + " WHERE state = 0 AND expires_at IS NOT NULL AND expires_at <= ?1 ORDER BY id LIMIT ?2",
                 .integer(time.millisecondsSince1970), .integer(Int64(limit)), decode: Rows.hold)
    }

    public func journal(line: CreditLineID?, after: Int64, limit: Int) throws -> [JournalEntry] {
        if let line {
            return try read(Rows.selectEntry + " WHERE line_id = ?1 AND sequence > ?2 ORDER BY sequence LIMIT ?3",
                            .text(line.rawValue), .integer(after), .integer(Int64(limit)), decode: Rows.entry)
        }
        return try read(Rows.selectEntry + " WHERE sequence > ?1 ORDER BY sequence LIMIT ?2",
                        .integer(after), .integer(Int64(limit)), decode: Rows.entry)
    }

    public func entry(for key: IdempotencyKey) throws -> JournalEntry? {
        try read(Rows.selectEntry + " WHERE idempotency_key = ?1", .text(key.rawValue), decode: Rows.entry).first
    }
}

// The connection is used only while `lock` is held.
extension SQLiteLedgerStore: @unchecked Sendable {}

extension SQLiteLedgerStore {
    /// Whether every commit is fsynced: write-ahead logging with `synchronous=FULL` (or stricter).
    public func commitsAreDurable() throws -> Bool {
        try lock.withLock {
            let mode = try connection.text("PRAGMA journal_mode")?.lowercased()
            let synchronous = try connection.scalar("PRAGMA synchronous") ?? 0
            return mode == "wal" && synchronous >= 2
        }
    }
}
