public import CreditMedicalCore
import CreditMedicalStoreSupport

/// The `ReceivableStore` in a ``SQLiteDatabase``, beside the ledger whose journal it folds.
///
/// An advance moves the one row of `receivable_position` only where it still holds `from`, and
/// saves the receivables in the same write transaction (`BEGIN IMMEDIATE`, so processes on the
/// file take turns), updating only the book's columns of a receivable that exists; saving the
/// collection updates only the overdue job's columns. Both write many rows per statement, in one
/// transaction. Queries run on the database's read-only connections.
///
/// Every write is durable when it returns (the write-ahead log is fsynced, ``SQLiteDatabase/flush()``),
/// as the other stores' are, so a call's caller may act on it: the overdue job sends a page's
/// next notices, the write-off job reports its records.
public struct SQLiteReceivableStore: ReceivableStore {
    /// The database the store writes to.
    public let database: SQLiteDatabase

    /// The receivables of `database`.
    public init(database: SQLiteDatabase) {
        self.database = database
    }

    public func position() throws -> Int64 {
        try database.read("SELECT position FROM receivable_position WHERE id = 1", []) { $0.int64(0) }.first ?? 0
    }

    public func advance(from: Int64, to: Int64, saving receivables: [Receivable]) throws {
        let rows = ReceivableColumns.lastOfEachHold(receivables).map(ReceivableColumns.values)
        try database.exclusively {
            try database.writeTransaction { connection in
                let move = try connection.statement("UPDATE receivable_position SET position = ?2 WHERE id = 1 AND position = ?1 RETURNING id")
                try move.bind(.integer(from), .integer(to))
                var moved = false
                while try move.step() { moved = true }
                guard moved else {
                    let found = try connection.scalar("SELECT position FROM receivable_position WHERE id = 1")
                    throw ReceivableError(.positionMoved, context: ["expected": "\(from)", "found": found.map { "\($0)" } ?? "none"])
                }
                try connection.run(Self.upsert, rows: rows, bind: SQLiteBinder.bind)
            }
        }
        try database.flush()
    }

    public func receivables(of holds: Set<HoldID>) throws -> [Receivable] {
        try database.read(Self.select, whereColumn: "hold_id", in: holds.map(\.rawValue), decode: Self.receivable)
    }

    public func openReceivables(on lines: Set<CreditLineID>) throws -> [Receivable] {
        try database.read(Self.select, whereColumn: "line_id", in: lines.map(\.rawValue), and: "principal_fen > repaid_fen + written_off_fen",
                          decode: Self.receivable)
    }

    public func receivables(on line: CreditLineID) throws -> [Receivable] {
        try database.read(Self.select + " WHERE line_id = ?1 ORDER BY captured_at, hold_id", [.text(line.rawValue)], decode: Self.receivable)
    }

    public func receivables(after: HoldID?, limit: Int) throws -> [Receivable] {
        try database.read(Self.select + " WHERE hold_id > ?1 ORDER BY hold_id LIMIT ?2", [.text(after?.rawValue ?? ""), .integer(Int64(limit))],
                          decode: Self.receivable)
    }

    /// Finds the receivables with something owed in one of two ways, after counting (up to one
    /// more than a page) those up for review at `time`: a few are sorted by hold from the review index,
    /// which is all a run with little or nothing to do reads; many (a first run, a late one) are
    /// read in the order of the holds, skipping those not due, so a whole run reads the table at
    /// most once. The paid receivables with restrictions to lift come from an index of their own.
    public func needingCollection(at time: Timestamp, after: HoldID?, limit: Int) throws -> [Receivable] {
        let values: [SQLiteValue] = [.integer(time.millisecondsSince1970), .text(after?.rawValue ?? ""), .integer(Int64(limit))]
        let enough = limit == Int.max ? Int.max : limit + 1
        let due = try database.read(Self.countDue, [values[0], .integer(Int64(enough))]) { $0.int64(0) }.first ?? 0
        let owed = try database.read(due < enough ? Self.dueByReviewTime : Self.dueByHold, values, decode: Self.receivable)
        let toLift = try database.read(Self.toLift, values, decode: Self.receivable)
        return ReceivableColumns.merged(owed, toLift, limit: limit)
    }

    public func saveCollection(_ receivables: [Receivable], events: [CollectionEvent]) throws {
        let progress = ReceivableColumns.lastOfEachHold(receivables).map { [.text($0.hold.rawValue)] + ReceivableColumns.collectionValues($0.collection) }
        let events = events.map(CollectionEventColumns.values)
        try database.exclusively {
            try database.writeTransaction { connection in
                let update = try connection.statement("UPDATE receivables SET steps_done = ?2, review_at = ?3, restricted = ?4 WHERE hold_id = ?1")
                for values in progress {
                    var row = SQLiteBinder(update)
                    try SQLiteBinder.bind(values, to: &row)
                    try row.requireAllBound()
                    while try update.step() {}
                }
                try connection.run(Self.appendEvents, rows: events, bind: SQLiteBinder.bind)
            }
        }
        try database.flush()
    }

    public func collectionEvents(of hold: HoldID) throws -> [CollectionEvent] {
        try database.read(Self.appendEvents.select + " WHERE hold_id = ?1 ORDER BY seq", [.text(hold.rawValue)]) { row throws(SQLiteStoreError) in
            try row.record("collection event") { CollectionEventColumns.event($0) }
        }
    }

    public func recordWriteOffs(_ records: [WriteOffRecord]) throws {
        guard !records.isEmpty else { return }
        let rows = records.map(WriteOffColumns.values)
        try database.exclusively {
            try database.writeTransaction { connection in try connection.run(Self.appendWriteOffs, rows: rows, bind: SQLiteBinder.bind) }
        }
        try database.flush()
    }

    public func writeOffs(after: Int64, limit: Int) throws -> HistoryPage<WriteOffRecord> {
        let sql = Self.appendWriteOffs.select(adding: "seq") + " WHERE seq > ?1 ORDER BY seq LIMIT ?2"
        let rows = try database.read(sql, [.integer(after), .integer(Int64(limit))]) { row throws(SQLiteStoreError) in
            try row.record("write-off") { row in WriteOffColumns.record(row).flatMap { record in row.integer(9).map { (record, $0) } } }
        }
        return HistoryPage(records: rows.map(\.0), last: rows.last?.1)
    }

    private static let appendWriteOffs = BulkInsert(table: "write_offs", columns: WriteOffColumns.all, skippingConflictsOn: "hold_id")
    private static let upsert = BulkInsert(table: "receivables", columns: ReceivableColumns.all, updating: ReceivableColumns.journal)
    private static let appendEvents = BulkInsert(table: "collection_events", columns: CollectionEventColumns.all, skippingConflictsOn: "id")
    private static let select = upsert.select

    private static func receivable(_ row: SQLiteStatement) throws(SQLiteStoreError) -> Receivable {
        try row.record("receivable") { ReceivableColumns.receivable($0) }
    }

    // needingCollection: ?1 the time, ?2 the hold to start after, ?3 the limit.

    /// How many receivables with something owed are up for review, counting up to ?2.
    private static let countDue = """
        SELECT count(*) FROM (SELECT 1 FROM receivables INDEXED BY receivables_to_review
        WHERE principal_fen > repaid_fen + written_off_fen AND review_at IS NOT NULL AND review_at <= ?1 LIMIT ?2)
        """
    private static let dueByReviewTime = select + " INDEXED BY receivables_to_review WHERE principal_fen > repaid_fen + written_off_fen "
        + "AND review_at IS NOT NULL AND review_at <= ?1 AND hold_id > ?2 ORDER BY hold_id LIMIT ?3"
    // `+review_at` keeps the review index out: the table is read in the order of its key.
    private static let dueByHold = select + " WHERE hold_id > ?2 AND principal_fen > repaid_fen + written_off_fen AND +review_at <= ?1 ORDER BY hold_id LIMIT ?3"
    private static let toLift = select + " INDEXED BY receivables_to_lift WHERE principal_fen <= repaid_fen + written_off_fen AND restricted = 1 "
        + "AND hold_id > ?2 ORDER BY hold_id LIMIT ?3"
}
