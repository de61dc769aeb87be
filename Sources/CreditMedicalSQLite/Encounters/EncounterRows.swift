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
}
