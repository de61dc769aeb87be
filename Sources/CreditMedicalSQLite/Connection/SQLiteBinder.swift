import CreditMedicalStoreSupport
import CSQLite

/// Binds values to a statement's parameters one after the other, from the first; used to write
/// rows without building arrays of values.
struct SQLiteBinder {
    private let statement: SQLiteStatement
    private var index: Int32 = 1

    /// A binder for `statement`, which it resets. Every parameter must be bound again (see
    /// ``requireAllBound()``): clearing them first would cost a pass over all of them.
    init(_ statement: SQLiteStatement) {
        sqlite3_reset(statement.handle)
        self.statement = statement
    }

    /// Throws unless every parameter of the statement has been bound since the reset.
    func requireAllBound() throws(SQLiteStoreError) {
        let count = sqlite3_bind_parameter_count(statement.handle)
        guard index - 1 == count else {
            throw SQLiteStoreError(.sqlite, resultCode: SQLITE_MISUSE, message: "Bound \(index - 1) of \(count) parameters.")
        }
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

    /// Binds `values` in order, as the next parameters of `row`; a form `SQLiteConnection.run`
    /// takes for rows of the columns the SQL stores share.
    static func bind(_ values: [StoredValue], to row: inout SQLiteBinder) throws(SQLiteStoreError) {
        for value in values {
            switch value {
            case .integer(let number): try row.bind(number)
            case .text(let text): try row.bind(text)
            case .null: try row.bind(Int64?.none)
            }
        }
    }

    private mutating func check(_ code: Int32) throws(SQLiteStoreError) {
        guard code == SQLITE_OK else { throw statement.error(code, context: "bind") }
        index += 1
    }
}
