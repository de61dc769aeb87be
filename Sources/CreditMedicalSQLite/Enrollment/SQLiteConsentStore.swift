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
        let rows = events.map(ConsentEventColumns.init)
        try database.exclusively {
            try database.writeTransaction { connection in
                let insert = try connection.statement("""
                    INSERT INTO consent_events (id, patient_id, document, version, action, channel, agent_id, agent_relation, at)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (id) DO NOTHING
                    """)
                for row in rows {
                    try insert.bind(.text(row.id), .text(row.patient), .text(row.document), .integer(row.version), .text(row.action),
                                    .text(row.channel), .optional(row.agent), .optional(row.relation), .integer(row.at))
                    while try insert.step() {}
                }
            }
        }
        try database.flush()
    }

    public func event(id: String) throws -> ConsentEvent? {
        try events(where: "id = ?1", id).first
    }

    public func events(of patient: String) throws -> [ConsentEvent] {
        try events(where: "patient_id = ?1", patient)
    }

    public func page(after: Int64, limit: Int) throws -> HistoryPage<ConsentEvent> {
        let rows = try events(where: "seq > ?1", .integer(after), order: "seq", limit: limit)
        return HistoryPage(records: rows.map(\.event), last: rows.last?.seq)
    }

    private func events(where condition: String, _ value: String) throws -> [ConsentEvent] {
        try events(where: condition, .text(value), order: "at, seq", limit: .max).map(\.event)
    }

    private func events(where condition: String, _ value: SQLiteValue, order: String,
                        limit: Int) throws -> [(seq: Int64, event: ConsentEvent)] {
        let sql = "SELECT id, patient_id, document, version, action, channel, agent_id, agent_relation, at, seq FROM consent_events "
            + "WHERE \(condition) ORDER BY \(order) LIMIT \(limit)"
        return try database.read(sql, [value]) { (row) throws(SQLiteStoreError) in
            let columns = ConsentEventColumns(id: row.text(0), patient: row.text(1), document: row.text(2), version: row.int64(3),
                                              action: row.text(4), channel: row.text(5), agent: row.optionalText(6),
                                              relation: row.optionalText(7), at: row.int64(8))
            guard let event = columns.event else {
                throw SQLiteStoreError(.corruptRow, message: "A stored consent event has a value this version does not know.")
            }
            return (row.int64(9), event)
        }
    }
}
