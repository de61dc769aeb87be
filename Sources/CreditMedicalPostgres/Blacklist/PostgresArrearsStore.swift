public import CreditMedicalCore
import CreditMedicalStoreSupport

/// The `ArrearsStore` in a ``PostgresDatabase``, beside the ledger it freezes lines in: one
/// arrears list for every SDK instance of the deployment.
public struct PostgresArrearsStore: ArrearsStore {
    /// The database the store writes to.
    public let database: PostgresDatabase

    /// The arrears list of `database`.
    public init(database: PostgresDatabase) {
        self.database = database
    }

    @discardableResult
    public func append(_ events: [ArrearsEvent], pushes: [RegistryPush]) throws -> Set<ArrearsEntryID> {
        let rows = try events.map(ArrearsEventColumns.init)
        let queued = try pushes.map { ($0.id.rawValue, try RegistryOutboxColumns.detail($0)) }
        return try database.write { connection in
            var kept: Set<ArrearsEntryID> = []
            for row in rows {
                let inserted = try connection.query("""
                    INSERT INTO arrears_events (\(ArrearsEventColumns.inserted)) VALUES ($1, $2, $3, $4, $5, $6, $7)
                    ON CONFLICT (entry_id, step) DO NOTHING RETURNING seq
                    """, [.text(row.entry), .text(row.step), .integer(row.at), .text(row.detail), .optional(row.patient),
                          .optional(row.subject), .optional(row.line)])
                if inserted.count == 0 { kept.insert(ArrearsEntryID(row.entry)) }
            }
            guard kept.isEmpty else { return kept }
            for (id, detail) in queued {
                try connection.query("INSERT INTO registry_outbox (id, push) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING", [.text(id), .text(detail)])
            }
            return kept
        }
    }

    public func events(of entry: ArrearsEntryID) throws -> [ArrearsEvent] {
        try events(where: "entry_id = $1", .text(entry.rawValue), limit: .max).map(\.event)
    }

    public func entries(ofPatient patient: String) throws -> [ArrearsEntryID] { try entries(.patient(patient)) }

    public func entries(ofSubject subject: ArrearsSubject) throws -> [ArrearsEntryID] { try entries(.subject(subject)) }

    public func entries(onLine line: CreditLineID) throws -> [ArrearsEntryID] { try entries(.line(line)) }

    public func page(after: Int64, limit: Int) throws -> HistoryPage<ArrearsEvent> {
        let rows = try events(where: "seq > $1", .integer(after), limit: limit)
        return HistoryPage(records: rows.map(\.event), last: rows.last?.seq)
    }

    public func pendingPushes(limit: Int) throws -> [RegistryOutboxItem] {
        let sql = "SELECT \(RegistryOutboxColumns.names) FROM registry_outbox WHERE delivered_at IS NULL ORDER BY seq LIMIT $1"
        return try database.read(sql, [.integer(Int64(max(limit, 0)))]) { (result) throws(PostgresStoreError) in
            try (0..<result.count).map { (row) throws(PostgresStoreError) in
                guard let item = RegistryOutboxColumns.item(id: result.text(row, 0) ?? "", detail: result.text(row, 1) ?? "",
                                                            failedAttempts: result.int64(row, 2) ?? 0, lastFailure: result.text(row, 3))
                else { throw PostgresLedgerRows.corrupt("registry_outbox") }
                return item
            }
        }
    }

    public func recordAttempts(_ attempts: [RegistryPushAttempt]) throws {
        guard !attempts.isEmpty else { return }
        try database.write { connection in
            for attempt in attempts {
                if let failure = attempt.failure {
                    try connection.query("""
                        UPDATE registry_outbox SET failed_attempts = failed_attempts + 1, last_failure = $2 WHERE id = $1 AND delivered_at IS NULL
                        """, [.text(attempt.id.rawValue), .text(failure)])
                } else {
                    try connection.query("UPDATE registry_outbox SET delivered_at = $2 WHERE id = $1 AND delivered_at IS NULL",
                                         [.text(attempt.id.rawValue), .integer(attempt.at.millisecondsSince1970)])
                }
            }
        }
    }

    private func events(where condition: String, _ value: PostgresValue, limit: Int) throws -> [(seq: Int64, event: ArrearsEvent)] {
        let sql = "SELECT \(ArrearsEventColumns.names), seq FROM arrears_events WHERE \(condition) ORDER BY seq LIMIT \(limit)"
        return try database.read(sql, [value]) { (result) throws(PostgresStoreError) in
            try (0..<result.count).map { (row) throws(PostgresStoreError) in
                let columns = ArrearsEventColumns(entry: result.text(row, 0) ?? "", step: result.text(row, 1) ?? "", at: result.int64(row, 2) ?? 0,
                                                  detail: result.text(row, 3) ?? "")
                guard let event = columns.event else { throw PostgresLedgerRows.corrupt("arrears_events") }
                return (result.int64(row, 4) ?? 0, event)
            }
        }
    }

    /// The entries whose listing names what `lookup` names, in the order listed.
    private func entries(_ lookup: ArrearsLookup) throws -> [ArrearsEntryID] {
        let sql = "SELECT entry_id FROM arrears_events WHERE \(ArrearsEventColumns.column(of: lookup)) = $1 AND step = 'listed' ORDER BY seq"
        return try database.read(sql, [.text(lookup.value)]) { result in (0..<result.count).map { ArrearsEntryID(result.text($0, 0) ?? "") } }
    }
}
