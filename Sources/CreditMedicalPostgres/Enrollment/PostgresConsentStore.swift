public import CreditMedicalCore
import CreditMedicalStoreSupport

/// The `ConsentStore` in a ``PostgresDatabase``, beside the ledger and the desk's records.
public struct PostgresConsentStore: ConsentStore {
    /// The database the store writes to.
    public let database: PostgresDatabase

    /// The consent events of `database`.
    public init(database: PostgresDatabase) {
        self.database = database
    }

    public func append(_ events: [ConsentEvent]) throws {
        let rows = events.map(ConsentEventColumns.init)
        try database.write { connection in
            for row in rows {
                _ = try connection.query("""
                    INSERT INTO consent_events (id, patient_id, document, version, action, channel, agent_id, agent_relation, at)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING
                    """, [.text(row.id), .text(row.patient), .text(row.document), .integer(row.version), .text(row.action),
                          .text(row.channel), .optional(row.agent), .optional(row.relation), .integer(row.at)])
            }
        }
    }

    public func event(id: String) throws -> ConsentEvent? {
        try events(where: "id = $1", id).first
    }

    public func events(of patient: String) throws -> [ConsentEvent] {
        try events(where: "patient_id = $1", patient)
    }

    public func page(after: Int64, limit: Int) throws -> HistoryPage<ConsentEvent> {
        let rows = try events(where: "seq > $1", .integer(after), order: "seq", limit: limit)
        return HistoryPage(records: rows.map(\.event), last: rows.last?.seq)
    }

    private func events(where condition: String, _ value: String) throws -> [ConsentEvent] {
        try events(where: condition, .text(value), order: "at, seq", limit: .max).map(\.event)
    }

    private func events(where condition: String, _ value: PostgresValue, order: String,
                        limit: Int) throws -> [(seq: Int64, event: ConsentEvent)] {
        let sql = "SELECT id, patient_id, document, version, action, channel, agent_id, agent_relation, at, seq FROM consent_events "
            + "WHERE \(condition) ORDER BY \(order) LIMIT \(limit)"
        return try database.read(sql, [value]) { (result) throws(PostgresStoreError) in
            try (0..<result.count).map { (row) throws(PostgresStoreError) in
                let columns = ConsentEventColumns(
                    id: result.text(row, 0) ?? "", patient: result.text(row, 1) ?? "", document: result.text(row, 2) ?? "",
                    version: result.int64(row, 3) ?? 0, action: result.text(row, 4) ?? "", channel: result.text(row, 5) ?? "",
                    agent: result.text(row, 6), relation: result.text(row, 7), at: result.int64(row, 8) ?? 0)
                guard let event = columns.event else { throw PostgresLedgerRows.corrupt("consent_events") }
                return (result.int64(row, 9) ?? 0, event)
            }
        }
    }
}
