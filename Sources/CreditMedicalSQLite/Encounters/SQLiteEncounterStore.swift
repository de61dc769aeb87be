import CreditMedicalCore
public import CreditMedicalHIS
import CreditMedicalStoreSupport
import CSQLite
import Foundation

/// The credit desk's `EncounterStore` in a ``SQLiteDatabase``: encounters, charges, settlement
/// records and the notification outbox beside the ledger, written through the same connection, so
/// the ledger's writes and the desk's take turns without waiting for a file lock.
public struct SQLiteEncounterStore: EncounterStore, SQLiteEncounterQuerying {
    /// The database the store writes to.
    public let database: SQLiteDatabase

    /// The desk's store in `database`.
    public init(database: SQLiteDatabase) {
        self.database = database
    }

    public func commit(_ changes: [EncounterChange]) throws {
        let batch = EncounterChangeBatch(changes)
        try database.exclusively {
            try database.writeTransaction { connection in
                try requireNextRevisions(of: batch, in: connection)
                try connection.run(EncounterRows.upsertEncounters, rows: batch.encounters.map(EncounterColumns.values),
                                   bind: SQLiteBinder.bind)
                try connection.run(EncounterRows.insertItems, rows: batch.items.map { EncounterColumns.values($1, of: $0) },
                                   bind: SQLiteBinder.bind)
                try connection.run(EncounterRows.insertRefunds, rows: batch.refunds.map { EncounterColumns.values($1, of: $0) },
                                   bind: SQLiteBinder.bind)
                try connection.run(EncounterRows.upsertSettlements, rows: batch.settlements.map(EncounterColumns.values),
                                   bind: SQLiteBinder.bind)
                try connection.run(EncounterRows.upsertNotifications, rows: batch.notifications.map(EncounterColumns.values),
                                   bind: SQLiteBinder.bind)
                let delete = try connection.statement("DELETE FROM notification_outbox WHERE id = ?1")
                for id in batch.sent {
                    try delete.bind(.text(id.rawValue))
                    while try delete.step() {}
                }
                let count = try connection.statement("UPDATE notification_outbox SET attempts = attempts + 1 WHERE id = ?1")
                for id in batch.failedDeliveries {
                    try count.bind(.text(id.rawValue))
                    while try count.step() {}
                }
            }
        }
    }

    /// Throws ``StaleEncounterError`` unless every encounter of `batch` is new or stored at the
    /// revision before; called in the write transaction, so no other writer comes in between.
    /// One lookup by key each: cheaper than an IN list, which SQLite first sorts into a temporary
    /// index.
    private func requireNextRevisions(of batch: EncounterChangeBatch, in connection: SQLiteConnection) throws {
        var stored: [EncounterID: Int] = [:]
        let revision = try connection.statement("SELECT revision FROM encounters WHERE id = ?1")
        defer { sqlite3_reset(revision.handle) }
        for encounter in batch.encounters {
            try revision.bind(.text(encounter.id.rawValue))
            if try revision.step() { stored[encounter.id] = Int(revision.int64(0)) }
        }
        let stale = batch.staleEncounters(stored: stored)
        guard stale.isEmpty else { throw StaleEncounterError(encounters: stale) }
    }

    /// Fsyncs the write-ahead log (``SQLiteDatabase/flush()``).
    public func flush() throws {
        try database.flush()
    }

    func read<Row>(_ sql: String, _ values: [SQLiteValue], decode: (SQLiteStatement) throws(SQLiteStoreError) -> Row) throws -> [Row] {
        try database.read(sql, values, decode: decode)
    }
}
