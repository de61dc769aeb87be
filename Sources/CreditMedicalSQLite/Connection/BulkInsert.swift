/// An `INSERT` that writes many rows per statement: one statement of ``rowsPerStatement`` rows is
/// prepared once and reused, the last few rows of a call go into a statement of their own size.
/// Fewer, larger statements cost SQLite much less than one statement per row.
///
/// `OR ROLLBACK`: a refused row ends the whole transaction at once, which spares SQLite the
/// per-statement journal it keeps to undo a single statement.
struct BulkInsert: Hashable {
    /// How many rows a full statement writes.
    static let rowsPerStatement = 32

    /// The table, which also names the insert in the connection's statement cache.
    let table: String
    /// The columns of a row, in the order they are bound.
    let columns: [String]
    /// The columns an existing row (same key) takes from the new one; empty for a plain insert.
    var updating: [String] = []
    /// How many of the first columns make a row's key.
    var keyColumns = 1
    /// A unique column whose conflicts skip the new row, keeping the stored one (`ON CONFLICT …
    /// DO NOTHING`); `nil` for none.
    var skippingConflictsOn: String?

    /// The statement's SQL for `rows` rows of anonymous parameters, bound row after row.
    func sql(rows: Int) -> String {
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        var sql = "INSERT OR ROLLBACK INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
            + Array(repeating: row, count: rows).joined(separator: ", ")
        if !updating.isEmpty {
            sql += " ON CONFLICT (\(columns.prefix(keyColumns).joined(separator: ", "))) DO UPDATE SET "
                + updating.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        }
        if let unique = skippingConflictsOn { sql += " ON CONFLICT (\(unique)) DO NOTHING" }
        return sql
    }

    /// `SELECT` of the columns, in order, from the table.
    var select: String { select(adding: nil) }

    /// `SELECT` of the columns, in order, and then `extra`, from the table.
    func select(adding extra: String?) -> String {
        "SELECT \((columns + (extra.map { [$0] } ?? [])).joined(separator: ", ")) FROM \(table)"
    }
}
