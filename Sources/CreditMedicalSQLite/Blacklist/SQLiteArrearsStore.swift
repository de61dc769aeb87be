public import CreditMedicalCore
import CreditMedicalStoreSupport

/// The `ArrearsStore` in a ``SQLiteDatabase``, beside the ledger it freezes lines in.
public struct SQLiteArrearsStore: ArrearsStore {
    /// The database the store writes to.
    public let database: SQLiteDatabase

    /// The arrears list of `database`.
    public init(database: SQLiteDatabase) {
        self.database = database
    }

    @discardableResult
    public func append(_ events: [ArrearsEvent], pushes: [RegistryPush]) throws -> Set<ArrearsEntryID> {
        let queued = try pushes.map { ($0.id.rawValue, try RegistryOutboxColumns.detail($0)) }
        let stored = try database.append(events, to: ArrearsEventColumns.table) { connection, stored in
            guard stored.isEmpty else { return }
            let queue = try connection.statement("INSERT INTO registry_outbox (id, push) VALUES (?1, ?2) ON CONFLICT (id) DO NOTHING")
            for (id, detail) in queued {
                try queue.bind(.text(id), .text(detail))
                while try queue.step() {}
            }
        }
        return Set(stored.map(\.entry))
    }

    public func events(of entry: ArrearsEntryID) throws -> [ArrearsEvent] {
        try database.history(ArrearsEventColumns.table, where: "entry_id = ?1", .text(entry.rawValue)).map(\.record)
    }

    public func entries(ofPatient patient: String) throws -> [ArrearsEntryID] { try entries(.patient(patient)) }

    public func entries(ofSubject subject: ArrearsSubject) throws -> [ArrearsEntryID] { try entries(.subject(subject)) }

    public func entries(onLine line: CreditLineID) throws -> [ArrearsEntryID] { try entries(.line(line)) }

    public func page(after: Int64, limit: Int) throws -> HistoryPage<ArrearsEvent> {
        try database.page(of: ArrearsEventColumns.table, after: after, limit: limit)
    }

    public func pendingPushes(limit: Int) throws -> [RegistryOutboxItem] {
        try database.read(RegistryOutboxColumns.pending(in: .sqlite), [.integer(Int64(max(limit, 0)))]) { (row) throws(SQLiteStoreError) in
            try row.record("queued registry push") { RegistryOutboxColumns.item($0) }
        }
    }

    public func recordAttempts(_ attempts: [RegistryPushAttempt]) throws {
        guard !attempts.isEmpty else { return }
        try database.exclusively {
            try database.writeTransaction { connection in
                let failed = try connection.statement("""
                    UPDATE registry_outbox SET failed_attempts = failed_attempts + 1, last_failure = ?2 WHERE id = ?1 AND delivered_at IS NULL
                    """)
                let delivered = try connection.statement("UPDATE registry_outbox SET delivered_at = ?2 WHERE id = ?1 AND delivered_at IS NULL")
                for attempt in attempts {
                    if let failure = attempt.failure {
                        try failed.bind(.text(attempt.id.rawValue), .text(failure))
                        while try failed.step() {}
                    } else {
                        try delivered.bind(.text(attempt.id.rawValue), .integer(attempt.at.millisecondsSince1970))
                        while try delivered.step() {}
                    }
                }
            }
        }
        try database.flush()
    }

    /// The entries whose listing names what `lookup` names, in the order listed.
    private func entries(_ lookup: ArrearsLookup) throws -> [ArrearsEntryID] {
        let column = ArrearsEventColumns.column(of: lookup)
        return try database.read("SELECT entry_id FROM arrears_events WHERE \(column) = ?1 AND step = 'listed' ORDER BY seq",
                                 [.text(lookup.value)]) { row in ArrearsEntryID(row.text(0)) }
    }
}
