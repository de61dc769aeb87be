public import CreditMedicalCore
import CreditMedicalStoreSupport

/// The `ConsentStore` in a ``SQLiteDatabase``, beside the ledger and the desk's records.
public struct SQLiteConsentStore: ConsentStore {
    /// The database the store writes to.
    public let database: SQLiteDatabase

    /// The consent events of `database`.
    public init(database: SQLiteDatabase) {
        self.database = database
    }

    public func append(_ events: [ConsentEvent]) throws {
        _ = try database.append(events, to: ConsentEventColumns.table)
    }

    public func event(id: String) throws -> ConsentEvent? {
        try database.history(ConsentEventColumns.table, where: "id = ?1", .text(id), limit: 1).first?.record
    }

    public func events(of patient: String) throws -> [ConsentEvent] {
        try database.history(ConsentEventColumns.table, where: "patient_id = ?1", .text(patient), order: "at, seq").map(\.record)
    }

    public func page(after: Int64, limit: Int) throws -> HistoryPage<ConsentEvent> {
        try database.page(of: ConsentEventColumns.table, after: after, limit: limit)
    }
}
