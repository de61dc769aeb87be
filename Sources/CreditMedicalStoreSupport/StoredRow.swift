/// What the SQL stores (SQLite, PostgreSQL) share and nothing else uses: how the records map to
/// columns, how one commit's changes are grouped by table, and the rows' values.
/// A value of a stored row, as the SQL stores write it.
package enum StoredValue: Sendable, Hashable {
    case integer(Int64)
    case text(String)
    case null

    package static func optional(_ value: Int64?) -> StoredValue { value.map(StoredValue.integer) ?? .null }
    package static func optional(_ value: String?) -> StoredValue { value.map(StoredValue.text) ?? .null }
}

/// One row a SQL store read, column by column; `nil` for NULL.
package protocol StoredRow {
    func text(_ column: Int) -> String?
    func integer(_ column: Int) -> Int64?
}
