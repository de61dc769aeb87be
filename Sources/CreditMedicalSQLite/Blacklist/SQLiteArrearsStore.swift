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
        let rows = try events.map(ArrearsEventColumns.init)
        let queued = try pushes.map { ($0.id.rawValue, try RegistryOutboxColumns.detail($0)) }
        var kept: Set<ArrearsEntryID> = []
        try database.exclusively {
            try database.writeTransaction { connection in
                let insert = try connection.statement("""
                    INSERT INTO arrears_events (\(ArrearsEventColumns.inserted)) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                    ON CONFLICT (entry_id, step) DO NOTHING RETURNING seq
                    """)
                for row in rows {
                    try insert.bind(.text(row.entry), .text(row.step), .integer(row.at), .text(row.detail), .optional(row.patient),
                                    .optional(row.subject), .optional(row.line))
                    if try !insert.step() { kept.insert(ArrearsEntryID(row.entry)) }
                    while try insert.step() {}
                }
                guard kept.isEmpty else { return }
                let queue = try connection.statement("INSERT INTO registry_outbox (id, push) VALUES (?1, ?2) ON CONFLICT (id) DO NOTHING")
                for (id, detail) in queued {
                    try queue.bind(.text(id), .text(detail))
                    while try queue.step() {}
                }
            }
        }
        try database.flush()
        return kept
    }

    public func events(of entry: ArrearsEntryID) throws -> [ArrearsEvent] {
        try events(where: "entry_id = ?1", .text(entry.rawValue), limit: .max).map(\.event)
    }

    public func entries(ofPatient patient: String) throws -> [ArrearsEntryID] { try entries(.patient(patient)) }

    public func entries(ofSubject subject: ArrearsSubject) throws -> [ArrearsEntryID] { try entries(.subject(subject)) }

    public func entries(onLine line: CreditLineID) throws -> [ArrearsEntryID] { try entries(.line(line)) }

    public func page(after: Int64, limit: Int) throws -> HistoryPage<ArrearsEvent> {
        let rows = try events(where: "seq > ?1", .integer(after), limit: limit)
        return HistoryPage(records: rows.map(\.event), last: rows.last?.seq)
    }

    public func pendingPushes(limit: Int) throws -> [RegistryOutboxItem] {
        let sql = "SELECT \(RegistryOutboxColumns.names) FROM registry_outbox WHERE delivered_at IS NULL ORDER BY seq LIMIT ?1"
        return try database.read(sql, [.integer(Int64(max(limit, 0)))]) { (row) throws(SQLiteStoreError) in
            guard let item = RegistryOutboxColumns.item(id: row.text(0), detail: row.text(1), failedAttempts: row.int64(2),
                                                        lastFailure: row.optionalText(3)) else {
                throw SQLiteStoreError(.corruptRow, message: "A queued registry push has a value this version does not know.")
            }
            return item
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

    private func events(where condition: String, _ value: SQLiteValue, limit: Int) throws -> [(seq: Int64, event: ArrearsEvent)] {
        let sql = "SELECT \(ArrearsEventColumns.names), seq FROM arrears_events WHERE \(condition) ORDER BY seq LIMIT \(limit)"
        return try database.read(sql, [value]) { (row) throws(SQLiteStoreError) in
            guard let event = ArrearsEventColumns(entry: row.text(0), step: row.text(1), at: row.int64(2), detail: row.text(3)).event else {
                throw SQLiteStoreError(.corruptRow, message: "A stored arrears step has a value this version does not know.")
            }
            return (row.int64(4), event)
        }
    }

    /// The entries whose listing names what `lookup` names, in the order listed.
    private func entries(_ lookup: ArrearsLookup) throws -> [ArrearsEntryID] {
        let column = ArrearsEventColumns.column(of: lookup)
        return try database.read("SELECT entry_id FROM arrears_events WHERE \(column) = ?1 AND step = 'listed' ORDER BY seq",
                                 [.text(lookup.value)]) { row in ArrearsEntryID(row.text(0)) }
    }
}
