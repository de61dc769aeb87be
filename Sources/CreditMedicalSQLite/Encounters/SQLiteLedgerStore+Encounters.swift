public import CreditMedicalCore
public import CreditMedicalHIS
import CSQLite
import Foundation

/// The same SQLite file keeps the credit desk's paperwork next to the ledger, through the same
/// connection: one file to back up, and the ledger's writes and the desk's take turns without
/// waiting for a file lock.
extension SQLiteLedgerStore: EncounterStore {
    public func commit(_ changes: [EncounterChange]) throws {
        let batch = EncounterChangeBatch(changes)
        try lock.withLock {
            try writeTransaction {
                try requireNextRevisions(of: batch)
                try connection.run(EncounterRows.upsertEncounters, rows: batch.encounters.map(EncounterColumns.values),
                                   bind: EncounterRows.bind)
                try connection.run(EncounterRows.insertItems, rows: batch.items.map { EncounterColumns.values($1, of: $0) },
                                   bind: EncounterRows.bind)
                try connection.run(EncounterRows.insertRefunds, rows: batch.refunds.map { EncounterColumns.values($1, of: $0) },
                                   bind: EncounterRows.bind)
                try connection.run(EncounterRows.upsertSettlements, rows: batch.settlements.map(EncounterColumns.values),
                                   bind: EncounterRows.bind)
                try connection.run(EncounterRows.upsertNotifications, rows: batch.notifications.map(EncounterColumns.values),
                                   bind: EncounterRows.bind)
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
    private func requireNextRevisions(of batch: EncounterChangeBatch) throws {
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

    public func encounter(_ id: EncounterID) throws -> Encounter? {
        try read(EncounterQueries.encounter, .text(id.rawValue), decode: EncounterQueries.encounterRow).first
    }

    public func encounters(after: EncounterID?, limit: Int) throws -> [Encounter] {
        try read(EncounterRows.upsertEncounters.select + " WHERE ?1 IS NULL OR id > ?1 ORDER BY id LIMIT ?2",
                 .optional(after?.rawValue), .integer(Int64(limit)), decode: EncounterQueries.encounterRow)
    }

    public func charges(of id: EncounterID) throws -> (items: [ChargeItem], refunds: [ChargeRefund]) {
        (try recorded(EncounterQueries.items, of: id, decode: EncounterQueries.itemRow),
         try recorded(EncounterQueries.refunds, of: id, decode: EncounterQueries.refundRow))
    }

    /// The rows of one of ``EncounterQueries/items`` and ``EncounterQueries/refunds``, whose last
    /// column is the row number, in the order they were recorded.
    private func recorded<Record>(
        _ sql: String, of id: EncounterID, decode: (SQLiteStatement) throws(SQLiteStoreError) -> Record
    ) throws -> [Record] {
        let rows = try read(sql, .text(id.rawValue)) { row throws(SQLiteStoreError) in
            (order: row.int64(sqlite3_column_count(row.handle) - 1), record: try decode(row))
        }
        return rows.sorted { $0.order < $1.order }.map(\.record)
    }

    public func settlement(of id: EncounterID) throws -> SettlementRecord? {
        try read(EncounterQueries.latestSettlement, .text(id.rawValue), decode: EncounterQueries.settlementRow).first
    }

    public func settlements(of id: EncounterID) throws -> [SettlementRecord] {
        try read(EncounterRows.upsertSettlements.select + " WHERE encounter_id = ?1 ORDER BY round", .text(id.rawValue),
                 decode: EncounterQueries.settlementRow)
    }

    public func settlements(in steps: Set<SettlementRecord.Step>, limit: Int) throws -> [SettlementRecord] {
        guard !steps.isEmpty else { return [] }
        let names = steps.map(\.rawValue).sorted()
        let parameters = names.indices.map { "?\($0 + 2)" }.joined(separator: ", ")
        return try read(EncounterRows.upsertSettlements.select + " WHERE step IN (\(parameters)) ORDER BY started_at, encounter_id LIMIT ?1",
                        [.integer(Int64(limit))] + names.map(SQLiteValue.text), decode: EncounterQueries.settlementRow)
    }

    public func settlementsAwaitingAdvance(limit: Int) throws -> [SettlementRecord] {
        try read(EncounterRows.upsertSettlements.select
                 + " WHERE advance_due_by IS NOT NULL AND advance_paid_at IS NULL ORDER BY advance_due_by, encounter_id LIMIT ?1",
                 .integer(Int64(limit)), decode: EncounterQueries.settlementRow)
    }

    public func pendingNotifications(failedAtLeast attempts: Int, limit: Int) throws -> [PatientNotification] {
        try read(EncounterRows.upsertNotifications.select + " WHERE attempts >= ?2 ORDER BY seq LIMIT ?1",
                 .integer(Int64(limit)), .integer(Int64(attempts)), decode: EncounterQueries.notificationRow)
    }
}

/// The desk's frequent queries, built once, and their row readers.
private enum EncounterQueries {
    static let encounter = EncounterRows.upsertEncounters.select + " WHERE id = ?1"
    /// An encounter's charges and refunds with their row numbers (the order they were recorded),
    /// read along the (encounter, id) index and put in order by the caller: an `ORDER BY seq`
    /// would make SQLite build a sorter, and allocate its buffer, for every bill it reads.
    static let items = EncounterRows.insertItems.select(adding: "seq") + " WHERE encounter_id = ?1"
    static let refunds = EncounterRows.insertRefunds.select(adding: "seq") + " WHERE encounter_id = ?1"
    static let latestSettlement = EncounterRows.upsertSettlements.select + " WHERE encounter_id = ?1 ORDER BY round DESC LIMIT 1"

    static func encounterRow(_ row: SQLiteStatement) throws(SQLiteStoreError) -> Encounter {
        try EncounterRows.decode("encounter", row) { EncounterColumns.encounter($0) }
    }

    static func itemRow(_ row: SQLiteStatement) throws(SQLiteStoreError) -> ChargeItem {
        try EncounterRows.decode("charge item", row) { EncounterColumns.item($0) }
    }

    static func refundRow(_ row: SQLiteStatement) throws(SQLiteStoreError) -> ChargeRefund {
        try EncounterRows.decode("refund", row) { EncounterColumns.refund($0) }
    }

    static func settlementRow(_ row: SQLiteStatement) throws(SQLiteStoreError) -> SettlementRecord {
        try EncounterRows.decode("settlement", row) { EncounterColumns.settlement($0) }
    }

    static func notificationRow(_ row: SQLiteStatement) throws(SQLiteStoreError) -> PatientNotification {
        try EncounterRows.decode("notification", row) { EncounterColumns.notification($0) }
    }
}
