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
        let queued = try pushes.map { ($0.id.rawValue, try RegistryOutboxColumns.detail($0)) }
        let stored = try database.append(events, to: ArrearsEventColumns.table) { connection, stored in
            guard stored.isEmpty else { return }
            for (id, detail) in queued {
                try connection.query("INSERT INTO registry_outbox (id, push) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING", [.text(id), .text(detail)])
            }
        }
        return Set(stored.map(\.entry))
    }

    public func events(of entry: ArrearsEntryID) throws -> [ArrearsEvent] {
        try database.history(ArrearsEventColumns.table, where: "entry_id = $1", .text(entry.rawValue)).map(\.record)
    }

    public func entries(ofPatient patient: String) throws -> [ArrearsEntryID] { try entries(.patient(patient)) }

    public func entries(ofSubject subject: ArrearsSubject) throws -> [ArrearsEntryID] { try entries(.subject(subject)) }

    public func entries(onLine line: CreditLineID) throws -> [ArrearsEntryID] { try entries(.line(line)) }

    public func page(after: Int64, limit: Int) throws -> HistoryPage<ArrearsEvent> {
        try database.page(of: ArrearsEventColumns.table, after: after, limit: limit)
    }

    public func pendingPushes(limit: Int) throws -> [RegistryOutboxItem] {
        try database.read(RegistryOutboxColumns.pending(in: .postgres), [.integer(Int64(max(limit, 0)))]) { (result) throws(PostgresStoreError) in
            try result.records("registry_outbox") { RegistryOutboxColumns.item($0) }
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

    /// The entries whose listing names what `lookup` names, in the order listed.
    private func entries(_ lookup: ArrearsLookup) throws -> [ArrearsEntryID] {
        let sql = "SELECT entry_id FROM arrears_events WHERE \(ArrearsEventColumns.column(of: lookup)) = $1 AND step = 'listed' ORDER BY seq"
        return try database.read(sql, [.text(lookup.value)]) { result in (0..<result.count).map { ArrearsEntryID(result.text($0, 0) ?? "") } }
    }
}
