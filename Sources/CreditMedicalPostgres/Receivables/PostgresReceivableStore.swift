public import CreditMedicalCore
import CreditMedicalStoreSupport

/// The `ReceivableStore` in a ``PostgresDatabase``, beside the ledger whose journal it folds, safe
/// for several processes on one database.
///
/// An advance is a compare-and-set: in one transaction it moves the one row of
/// `receivable_position` only where it still holds `from` (a concurrent advance waits for that
/// row and then finds it moved), and then upserts the receivables, updating only the book's
/// columns of those that exist. Saving the collection updates only the overdue job's columns and
/// appends events that are new, in the order given. Each write sends every row of a batch in one
/// statement (one array per column), its rows in hold order, so that writers lock rows in one
/// order.
public struct PostgresReceivableStore: ReceivableStore {
    /// The database the store writes to.
    public let database: PostgresDatabase

    /// The receivables of `database`.
    public init(database: PostgresDatabase) {
        self.database = database
    }

    public func position() throws -> Int64 {
        try database.read("SELECT position FROM receivable_position WHERE id = 1", []) { result in
            (0..<result.count).compactMap { result.int64($0, 0) }
        }.first ?? 0
    }

    public func advance(from: Int64, to: Int64, saving receivables: [Receivable]) throws {
        let rows = ReceivableColumns.lastOfEachHold(receivables).map { ReceivableColumns.values($0).map(PostgresValue.init) }
        try database.write { connection in
            let moved = try connection.query("UPDATE receivable_position SET position = $2 WHERE id = 1 AND position = $1 RETURNING id",
                                             [.integer(from), .integer(to)])
            guard moved.count == 1 else {
                let found = try connection.query("SELECT position FROM receivable_position WHERE id = 1").text(0, 0)
                throw ReceivableError(.positionMoved, context: ["expected": "\(from)", "found": found ?? "none"])
            }
            try database.insert(into: "receivables", columns: ReceivableColumns.all.joined(separator: ", "), rows: rows,
                                updating: ReceivableColumns.journal, key: "hold_id", on: connection)
        }
    }

    public func receivables(of holds: Set<HoldID>) throws -> [Receivable] {
        guard !holds.isEmpty else { return [] }
        return try receivables(Self.select + " WHERE hold_id = ANY($1::text[])", [PostgresLedgerRows.array(holds.map(\.rawValue))])
    }

    public func openReceivables(on lines: Set<CreditLineID>) throws -> [Receivable] {
        guard !lines.isEmpty else { return [] }
        return try receivables(Self.select + " WHERE line_id = ANY($1::text[]) AND principal_fen > repaid_fen + written_off_fen",
                               [PostgresLedgerRows.array(lines.map(\.rawValue))])
    }

    public func receivables(on line: CreditLineID) throws -> [Receivable] {
        try receivables(Self.select + " WHERE line_id = $1 ORDER BY captured_at, hold_id", [.text(line.rawValue)])
    }

    public func receivables(after: HoldID?, limit: Int) throws -> [Receivable] {
        try receivables(Self.select + " WHERE hold_id > $1 ORDER BY hold_id LIMIT $2", [.text(after?.rawValue ?? ""), .integer(Int64(limit))])
    }

    /// One statement with two parts, each in hold order from its partial index: the receivables
    /// with something owed up for review (the planner reads few from the review index, or many in
    /// hold order), and the paid ones with restrictions to lift.
    public func needingCollection(at time: Timestamp, after: HoldID?, limit: Int) throws -> [Receivable] {
        try receivables(Self.needingCollection, [.integer(time.millisecondsSince1970), .text(after?.rawValue ?? ""), .integer(Int64(limit))])
    }

    public func saveCollection(_ receivables: [Receivable], events: [CollectionEvent]) throws {
        let progress = ReceivableColumns.lastOfEachHold(receivables).map {
            ([.text($0.hold.rawValue)] + ReceivableColumns.collectionValues($0.collection)).map(PostgresValue.init)
        }
        let events = events.map { CollectionEventColumns.values($0).map(PostgresValue.init) }
        try database.write { connection in
            if !progress.isEmpty { try connection.query(Self.updateCollection, PostgresDatabase.columnArrays(progress)) }
            if !events.isEmpty { try connection.query(Self.appendEvents, PostgresDatabase.columnArrays(events)) }
        }
    }

    public func collectionEvents(of hold: HoldID) throws -> [CollectionEvent] {
        let sql = "SELECT \(CollectionEventColumns.all.joined(separator: ", ")) FROM collection_events WHERE hold_id = $1 ORDER BY seq"
        return try database.read(sql, [.text(hold.rawValue)]) { (result) throws(PostgresStoreError) in
            try result.records("collection_events") { CollectionEventColumns.event($0) }
        }
    }

    public func recordWriteOffs(_ records: [WriteOffRecord]) throws {
        guard !records.isEmpty else { return }
        let rows = records.map { WriteOffColumns.values($0).map(PostgresValue.init) }
        try database.write { connection in _ = try connection.query(Self.appendWriteOffs, PostgresDatabase.columnArrays(rows)) }
    }

    public func writeOffs(after: Int64, limit: Int) throws -> HistoryPage<WriteOffRecord> {
        let sql = "SELECT \(WriteOffColumns.all.joined(separator: ", ")), seq FROM write_offs WHERE seq > $1 ORDER BY seq LIMIT $2"
        let rows = try database.read(sql, [.integer(after), .integer(Int64(limit))]) { (result) throws(PostgresStoreError) in
            try result.records("write_offs") { row in WriteOffColumns.record(row).flatMap { record in row.integer(9).map { (record, $0) } } }
        }
        return HistoryPage(records: rows.map(\.0), last: rows.last?.1)
    }

    private func receivables(_ sql: String, _ parameters: [PostgresValue]) throws -> [Receivable] {
        try database.read(sql, parameters) { (result) throws(PostgresStoreError) in
            try result.records("receivables") { ReceivableColumns.receivable($0) }
        }
    }

    private static let columns = ReceivableColumns.all.joined(separator: ", ")
    private static let select = "SELECT \(columns) FROM receivables"

    /// $1 the time, $2 the hold to start after, $3 the limit.
    private static let needingCollection = """
        SELECT \(columns) FROM (
            (\(select) WHERE principal_fen > repaid_fen + written_off_fen AND review_at IS NOT NULL AND review_at <= $1 AND hold_id > $2
             ORDER BY hold_id LIMIT $3)
            UNION ALL
            (\(select) WHERE principal_fen <= repaid_fen + written_off_fen AND restricted = 1 AND hold_id > $2 ORDER BY hold_id LIMIT $3)
        ) AS page ORDER BY hold_id LIMIT $3
        """

    /// The overdue job's columns of the receivables that exist, from one array per column.
    private static let updateCollection = """
        UPDATE receivables AS r SET steps_done = v.steps_done, review_at = v.review_at, restricted = v.restricted
        FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::bigint[]) AS v (hold_id, steps_done, review_at, restricted)
        WHERE r.hold_id = v.hold_id
        """

    /// The write-offs of receivables not written off before, numbered in the order given, from one
    /// array per column.
    private static let appendWriteOffs = """
        INSERT INTO write_offs (\(WriteOffColumns.all.joined(separator: ", ")))
        SELECT \(WriteOffColumns.all.joined(separator: ", ")) FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::bigint[],
            $6::bigint[], $7::bigint[], $8::text[], $9::bigint[])
            WITH ORDINALITY AS w (\(WriteOffColumns.all.joined(separator: ", ")), n)
        ORDER BY n ON CONFLICT (hold_id) DO NOTHING
        """

    /// The events whose ids are new, numbered in the order given, from one array per column.
    private static let appendEvents = """
        INSERT INTO collection_events (\(CollectionEventColumns.all.joined(separator: ", ")))
        SELECT \(CollectionEventColumns.all.joined(separator: ", ")) FROM unnest($1::text[], $2::text[], $3::text[], $4::text[],
            $5::text[], $6::text[], $7::bigint[], $8::bigint[], $9::bigint[])
            WITH ORDINALITY AS e (\(CollectionEventColumns.all.joined(separator: ", ")), n)
        ORDER BY n ON CONFLICT (id) DO NOTHING
        """
}
