import CSQLite

/// Binds values to a statement's parameters one after the other, from the first; used to write
/// rows without building arrays of values.
struct SQLiteBinder {
    private let statement: SQLiteStatement
    private var index: Int32 = 1

    /// A binder for `statement`, which it resets and clears.
    init(_ statement: SQLiteStatement) {
        sqlite3_reset(statement.handle)
        sqlite3_clear_bindings(statement.handle)
        self.statement = statement
    }

    mutating func bind(_ value: Int64) throws(SQLiteStoreError) {
        try check(sqlite3_bind_int64(statement.handle, index, value))
    }

    mutating func bind(_ value: String) throws(SQLiteStoreError) {
        try check(statement.bindText(value, at: index))
    }

    mutating func bind(_ value: Int64?) throws(SQLiteStoreError) {
        guard let value else { return try check(sqlite3_bind_null(statement.handle, index)) }
        try bind(value)
    }

    mutating func bind(_ value: String?) throws(SQLiteStoreError) {
        guard let value else { return try check(sqlite3_bind_null(statement.handle, index)) }
        try bind(value)
    }

    private mutating func check(_ code: Int32) throws(SQLiteStoreError) {
        guard code == SQLITE_OK else { throw statement.error(code, context: "bind") }
        index += 1
    }
}
