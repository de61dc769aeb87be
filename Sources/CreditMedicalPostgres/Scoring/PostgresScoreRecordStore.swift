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
        let rows = try records.concurrentMap(ScoreRecordColumns.init)
        return try database.write { connection in
            var kept: Set<String> = []
            for row in rows {
                let inserted = try connection.query("""
                    INSERT INTO score_records (id, patient_id, decided_at, scorer_id, scorer_version, score, fallback_code, decision)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING seq
                    """, [.text(row.id), .text(row.patient), .integer(row.decidedAt), .text(row.scorerID), .text(row.scorerVersion),
                          .integer(row.score), .optional(row.fallbackCode), .text(row.decision)])
                if inserted.count == 0 { kept.insert(row.id) }
            }
            return kept
        }
    }

    public func record(id: String) throws -> ScoreRecord? {
        try records(where: "id = $1", id).first
    }

    public func records(of patient: String) throws -> [ScoreRecord] {
        try records(where: "patient_id = $1", patient)
    }

    public func page(after: Int64, limit: Int) throws -> HistoryPage<ScoreRecord> {
        let rows = try records(where: "seq > $1", .integer(after), order: "seq", limit: limit)
        return HistoryPage(records: rows.map(\.record), last: rows.last?.seq)
    }

    private func records(where condition: String, _ value: String) throws -> [ScoreRecord] {
        try records(where: condition, .text(value), order: "decided_at, seq", limit: .max).map(\.record)
    }

    private func records(where condition: String, _ value: PostgresValue, order: String,
                         limit: Int) throws -> [(seq: Int64, record: ScoreRecord)] {
        let sql = "SELECT id, patient_id, decided_at, decision, seq FROM score_records WHERE \(condition) ORDER BY \(order) LIMIT \(limit)"
        let rows = try database.read(sql, [value]) { result throws(PostgresStoreError) in
            (0..<result.count).map {
                (result.text($0, 0) ?? "", result.text($0, 1) ?? "", result.int64($0, 2) ?? 0, result.text($0, 3) ?? "", result.int64($0, 4) ?? 0)
            }
        }
        return try rows.map { (seq: $0.4, record: try ScoreRecordColumns.record(id: $0.0, patient: $0.1, decidedAt: $0.2, decision: $0.3)) }
    }
}
