import CreditMedicalCore
import CSQLite

/// One open SQLite database connection with a cache of prepared statements.
///
/// Not thread-safe and not `Sendable`: the store keeps it behind a lock and only lends it to
/// closures that cannot let it escape.
final class SQLiteConnection {
    let handle: OpaquePointer
    private var statements: [String: SQLiteStatement] = [:]
    private var bulkStatements: [BulkKey: SQLiteStatement] = [:]

    private struct BulkKey: Hashable {
        let table: String
        let rows: Int
    }

    /// Opens (creating if needed) the database file at `path`, or opens an existing one only to
    /// read it.
    init(path: String, readOnly: Bool = false) throws(SQLiteStoreError) {
        var handle: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open the database"
            sqlite3_close_v2(handle)
            throw SQLiteStoreError(.sqlite, resultCode: code, message: "open: \(message)")
        }
        sqlite3_extended_result_codes(handle, 1)
        self.handle = handle
    }

    deinit {
        statements.removeAll()
        bulkStatements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs SQL that returns no rows (may hold several statements).
    func execute(_ sql: String) throws(SQLiteStoreError) {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw error(code, context: "execute") }
    }

    /// The cached prepared statement for `sql`.
    func statement(_ sql: String) throws(SQLiteStoreError) -> SQLiteStatement {
        if let statement = statements[sql] { return statement }
        let statement = try SQLiteStatement(sql: sql, connection: self)
        statements[sql] = statement
        return statement
    }

    /// The first column of the first row of a query, as an integer.
    func scalar(_ sql: String) throws(SQLiteStoreError) -> Int64? {
        let statement = try statement(sql)
        try statement.bind()
        defer { sqlite3_reset(statement.handle) }
        return try statement.step() ? statement.optionalInt64(0) : nil
    }

    /// The first column of the first row of a query, as text.
    func text(_ sql: String) throws(SQLiteStoreError) -> String? {
        let statement = try statement(sql)
        try statement.bind()
        defer { sqlite3_reset(statement.handle) }
        return try statement.step() ? statement.optionalText(0) : nil
    }

    /// Writes `rows`, each bound by `bind` as the values of `insert.columns`, with as few statements as possible.
    func run<Row>(
        _ insert: BulkInsert, rows: [Row], bind: (Row, inout SQLiteBinder) throws(SQLiteStoreError) -> Void
    ) throws(SQLiteStoreError) {
        var start = rows.startIndex
        while start < rows.endIndex {
            let chunk = rows[start..<min(start + BulkInsert.rowsPerStatement, rows.endIndex)]
            let key = BulkKey(table: insert.table, rows: chunk.count)
            let statement: SQLiteStatement
            if let cached = bulkStatements[key] {
                statement = cached
            } else {
                statement = try SQLiteStatement(sql: insert.sql(rows: chunk.count), connection: self)
                bulkStatements[key] = statement
            }
            var binder = SQLiteBinder(statement)
            for row in chunk { try bind(row, &binder) }
            try binder.requireAllBound()
            while try statement.step() {}
            start = chunk.endIndex
        }
    }

    /// The rows of the query `sql` with `values` bound, each read by `decode`.
    func rows<Row>(of sql: String, _ values: [SQLiteValue], decode: (SQLiteStatement) throws(SQLiteStoreError) -> Row) throws(SQLiteStoreError) -> [Row] {
        let statement = try statement(sql)
        try statement.bind(values)
        defer { sqlite3_reset(statement.handle) }
        var rows: [Row] = []
        while try statement.step() { rows.append(try decode(statement)) }
        return rows
    }

    /// How many values one `IN (…)` query binds; longer lists take several queries.
    static let inListSize = 64

    /// The rows of `select` whose `column` is one of `values` (and that meet `condition`, when
    /// given), in no particular order.
    func rows<Row>(
        _ select: String, whereColumn column: String, in values: [String], and condition: String? = nil,
        decode: (SQLiteStatement) throws(SQLiteStoreError) -> Row
    ) throws(SQLiteStoreError) -> [Row] {
        guard !values.isEmpty else { return [] }
        let parameters = (1...Self.inListSize).map { "?\($0)" }.joined(separator: ", ")
        let statement = try statement("\(select) WHERE \(column) IN (\(parameters))" + (condition.map { " AND \($0)" } ?? ""))
        defer { sqlite3_reset(statement.handle) }
        var rows: [Row] = []
        var start = values.startIndex
        while start < values.endIndex {
            let end = min(start + Self.inListSize, values.endIndex)
            try statement.bind(values[start..<end].map(SQLiteValue.text))
            while try statement.step() { rows.append(try decode(statement)) }
            start = end
        }
        return rows
    }

    /// Runs `body` in a write transaction (`BEGIN IMMEDIATE`): commits when it returns, rolls
    /// back when it or the commit throws, and throws its error. A transaction that a failed
    /// rollback left open is rolled back before the next one begins.
    func writeTransaction<Result>(_ body: () throws -> Result) throws -> Result {
        if sqlite3_get_autocommit(handle) == 0 { try rollBack(after: nil) }
        try executeCached("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try executeCached("COMMIT")
            return result
        } catch {
            try rollBack(after: error)
            throw error
        }
    }

    /// Ends a failed transaction: resets every statement still running (a write statement that
    /// has returned a row keeps running, and would make the next COMMIT fail), then rolls back
    /// what is open. Throws ``SQLiteStoreError/Code/rollbackFailed``, naming `failure`, when the
    /// rollback fails; the next write transaction tries again.
    private func rollBack(after failure: (any Error)?) throws(SQLiteStoreError) {
        var statement = sqlite3_next_stmt(handle, nil)
        while let running = statement {
            if sqlite3_stmt_busy(running) != 0 { sqlite3_reset(running) }
            statement = sqlite3_next_stmt(handle, running)
        }
        guard sqlite3_get_autocommit(handle) == 0 else { return }
        let code = sqlite3_exec(handle, "ROLLBACK", nil, nil, nil)
        guard code == SQLITE_OK else {
            let cause = failure.map { ($0 as? any CodedError)?.code.rawValue ?? "\(type(of: $0))" } ?? "a transaction left open"
            throw SQLiteStoreError(.rollbackFailed, resultCode: code,
                                   message: "ROLLBACK after \(cause): \(String(cString: sqlite3_errmsg(handle)))")
        }
    }

    /// Runs a statement without parameters or rows, prepared once.
    private func executeCached(_ sql: String) throws(SQLiteStoreError) {
        let statement = try statement(sql)
        defer { sqlite3_reset(statement.handle) }
        while try statement.step() {}
    }

    /// A typed error for a failed call, keeping SQLite's message.
    func error(_ code: Int32, context: String) -> SQLiteStoreError {
        SQLiteStoreError(.sqlite, resultCode: code,
                         message: "\(context): \(String(cString: sqlite3_errmsg(handle)))")
    }
}
