public import CreditMedicalCore
import CreditMedicalStoreSupport

/// The `ScoreRecordStore` in a ``SQLiteDatabase``, beside the ledger and the desk's records.
public struct SQLiteScoreRecordStore: ScoreRecordStore {
    /// The database the store writes to.
    public let database: SQLiteDatabase

    /// The score records of `database`.
    public init(database: SQLiteDatabase) {
        self.database = database
    }

    @discardableResult
    public func append(_ records: [ScoreRecord]) throws -> Set<String> {
        let rows = try records.concurrentMap(ScoreRecordColumns.init)
        var kept: Set<String> = []
        try database.exclusively {
            try database.writeTransaction { connection in
                let insert = try connection.statement("""
                    INSERT INTO score_records (id, patient_id, decided_at, scorer_id, scorer_version, score, fallback_code, decision)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (id) DO NOTHING RETURNING seq
                    """)
                for row in rows {
                    try insert.bind(.text(row.id), .text(row.patient), .integer(row.decidedAt), .text(row.scorerID),
                                    .text(row.scorerVersion), .integer(row.score), .optional(row.fallbackCode), .text(row.decision))
                    if try !insert.step() { kept.insert(row.id) }
                    while try insert.step() {}
                }
            }
        }
        // Commits are durable once the write-ahead log is on disk; a decision is recorded before
        // the patient hears it.
        try database.flush()
        return kept
    }

    public func record(id: String) throws -> ScoreRecord? {
        try records(where: "id = ?1", id).first
    }

    public func records(of patient: String) throws -> [ScoreRecord] {
        try records(where: "patient_id = ?1", patient)
    }

    public func page(after: Int64, limit: Int) throws -> HistoryPage<ScoreRecord> {
        let rows = try records(where: "seq > ?1", .integer(after), order: "seq", limit: limit)
        return HistoryPage(records: rows.map(\.record), last: rows.last?.seq)
    }

    private func records(where condition: String, _ value: String) throws -> [ScoreRecord] {
        try records(where: condition, .text(value), order: "decided_at, seq", limit: .max).map(\.record)
    }

    private func records(where condition: String, _ value: SQLiteValue, order: String,
                         limit: Int) throws -> [(seq: Int64, record: ScoreRecord)] {
        let sql = "SELECT id, patient_id, decided_at, decision, seq FROM score_records WHERE \(condition) ORDER BY \(order) LIMIT \(limit)"
        let rows = try database.read(sql, [value]) { row in
            (row.text(0) as String, row.text(1) as String, row.int64(2), row.text(3) as String, row.int64(4))
        }
        return try rows.map { (seq: $0.4, record: try ScoreRecordColumns.record(id: $0.0, patient: $0.1, decidedAt: $0.2, decision: $0.3)) }
    }
}
