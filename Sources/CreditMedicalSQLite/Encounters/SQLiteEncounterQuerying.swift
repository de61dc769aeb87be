import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalStoreSupport
import CSQLite

/// The desk's queries over SQLite, for the store and the snapshot alike.
protocol SQLiteEncounterQuerying: SQLiteReading, EncounterReader {}

extension SQLiteEncounterQuerying {
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
enum EncounterQueries {
    static let encounter = EncounterRows.upsertEncounters.select + " WHERE id = ?1"
    /// An encounter's charges and refunds with their row numbers (the order they were recorded),
    /// read along the (encounter, id) index and put in order by the caller: an `ORDER BY seq`
    /// would make SQLite build a sorter, and allocate its buffer, for every bill it reads.
    static let items = EncounterRows.insertItems.select(adding: "seq") + " WHERE encounter_id = ?1"
    static let refunds = EncounterRows.insertRefunds.select(adding: "seq") + " WHERE encounter_id = ?1"
    static let latestSettlement = EncounterRows.upsertSettlements.select + " WHERE encounter_id = ?1 ORDER BY round DESC LIMIT 1"

    static func encounterRow(_ row: SQLiteStatement) throws(SQLiteStoreError) -> Encounter {
        try row.record("encounter") { EncounterColumns.encounter($0) }
    }

    static func itemRow(_ row: SQLiteStatement) throws(SQLiteStoreError) -> ChargeItem {
        try row.record("charge item") { EncounterColumns.item($0) }
    }

    static func refundRow(_ row: SQLiteStatement) throws(SQLiteStoreError) -> ChargeRefund {
        try row.record("refund") { EncounterColumns.refund($0) }
    }

    static func settlementRow(_ row: SQLiteStatement) throws(SQLiteStoreError) -> SettlementRecord {
        try row.record("settlement") { EncounterColumns.settlement($0) }
    }

    static func notificationRow(_ row: SQLiteStatement) throws(SQLiteStoreError) -> PatientNotification {
        try row.record("notification") { EncounterColumns.notification($0) }
    }
}
