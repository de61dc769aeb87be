public import CreditMedicalCore
import CreditMedicalStoreSupport

/// The `ScoreRecordStore` in a ``PostgresDatabase``, beside the ledger and the desk's records.
public struct PostgresScoreRecordStore: ScoreRecordStore {
    /// The database the store writes to.
    public let database: PostgresDatabase

    /// The score records of `database`.
    public init(database: PostgresDatabase) {
        self.database = database
    }

    @discardableResult
    public func append(_ records: [ScoreRecord]) throws -> Set<String> {
        Set(try database.append(records, to: ScoreRecordColumns.table).map(\.id))
    }

    public func record(id: String) throws -> ScoreRecord? {
        try database.history(ScoreRecordColumns.table, where: "id = $1", .text(id), limit: 1).first?.record
    }

    public func records(of patient: String) throws -> [ScoreRecord] {
        try database.history(ScoreRecordColumns.table, where: "patient_id = $1", .text(patient), order: "decided_at, seq").map(\.record)
    }

    public func page(after: Int64, limit: Int) throws -> HistoryPage<ScoreRecord> {
        try database.page(of: ScoreRecordColumns.table, after: after, limit: limit)
    }
}
