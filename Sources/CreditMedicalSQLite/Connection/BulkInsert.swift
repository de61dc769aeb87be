/// An `INSERT` that writes many rows per statement: one statement of ``rowsPerStatement`` rows is
/// prepared once and reused, the last few rows of a call go into a statement of their own size.
/// Fewer, larger statements cost SQLite much less than one statement per row.
struct BulkInsert: Hashable {
    /// How many rows a full statement writes.
    static let rowsPerStatement = 32

    /// A short name that identifies the insert in the connection's statement cache.
    let name: String
    /// `INSERT … INTO table (columns) VALUES`, without the rows.
    let head: String
    /// How many values a row has.
    let columns: Int
    /// What follows the rows, such as an `ON CONFLICT` clause written with `excluded.` values.
    var tail = ""

    /// The statement's SQL for `rows` rows of anonymous parameters, bound row after row.
    func sql(rows: Int) -> String {
        let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        return head + " " + Array(repeating: row, count: rows).joined(separator: ", ") + " " + tail
    }
}
