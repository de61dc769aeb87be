import CreditMedicalCore
import CreditMedicalHIS
import CreditMedicalStoreSupport

/// The desk's tables in SQLite: multi-row inserts over the columns ``EncounterColumns`` defines
/// for every SQL store.
enum EncounterRows {
    static let upsertEncounters = BulkInsert(table: "encounters", columns: EncounterColumns.encounter,
                                             updating: EncounterColumns.encounterUpdates)
    static let insertItems = BulkInsert(table: "charge_items", columns: EncounterColumns.item)
    static let insertRefunds = BulkInsert(table: "charge_refunds", columns: EncounterColumns.refund)
    static let upsertSettlements = BulkInsert(table: "settlements", columns: EncounterColumns.settlement,
                                              updating: EncounterColumns.settlementUpdates, keyColumns: 2)
    static let upsertNotifications = BulkInsert(table: "notification_outbox", columns: EncounterColumns.notification,
                                                updating: ["text"])

    /// Binds a row's values in order.
    static func bind(_ values: [StoredValue], to row: inout SQLiteBinder) throws(SQLiteStoreError) {
        for value in values {
            switch value {
            case .integer(let number): try row.bind(number)
            case .text(let text): try row.bind(text)
            case .null: try row.bind(Int64?.none)
            }
        }
    }

    /// Reads `row` with `read`, or reports it as one this version cannot read.
    static func decode<Record>(_ what: String, _ row: SQLiteStatement, _ read: (SQLiteStatement) -> Record?)
        throws(SQLiteStoreError) -> Record
    {
        guard let record = read(row) else {
            throw SQLiteStoreError(.corruptRow, message: "A stored \(what) has a value this version does not know.")
        }
        return record
    }
}

extension SQLiteStatement: StoredRow {
    func text(_ column: Int) -> String? { optionalText(Int32(column)) }
    func integer(_ column: Int) -> Int64? { optionalInt64(Int32(column)) }
}
