/// An append-only history that both SQL stores keep in one table (consent events, enrollment
/// steps, score decisions, arrears steps): a record's columns, the unique key under which
/// appending a record again keeps the stored one, and the table's `seq`, which counts the rows in
/// the order appended and pages them (`HistoryPage`). Each store runs the statements made here in
/// its own dialect.
package struct HistoryTable<Record>: Sendable {
    /// The table.
    package let name: String
    /// What a record is, for the error about a row this version cannot read: "consent event".
    package let what: String
    /// The columns of a record, in the order written and read (a `SELECT` adds `seq` after them).
    package let columns: [String]
    /// The unique columns that make appending a record again keep the stored one.
    package let key: String
    private let values: @Sendable (Record) throws -> [StoredValue]
    private let decode: @Sendable (any StoredRow) -> Record?

    /// The history of `what` in table `name`: `values` gives a record's ``columns``, `decode` reads
    /// them back (`nil` for a value this version does not know).
    package init(_ name: String, of what: String, columns: [String], key: String, values: @escaping @Sendable (Record) throws -> [StoredValue],
                 decode: @escaping @Sendable (any StoredRow) -> Record?) {
        (self.name, self.what, self.columns, self.key, self.values, self.decode) = (name, what, columns, key, values, decode)
    }

    /// The values of each record's ``columns``, made on every core for a large batch.
    package func rows(_ records: [Record]) throws -> [[StoredValue]] where Record: Sendable {
        try records.concurrentMap(values)
    }

    /// The record of a row of ``columns``; `nil` when it holds a value this version does not know.
    package func record(_ row: some StoredRow) -> Record? { decode(row) }

    /// The statement that appends one record unless its key is stored, returning the new row's
    /// `seq` (no row when the record was there).
    package func insert(in dialect: SQLDialect) -> String {
        let parameters = (1...columns.count).map(dialect.placeholder).joined(separator: ", ")
        return "INSERT INTO \(name) (\(columns.joined(separator: ", "))) VALUES (\(parameters)) ON CONFLICT (\(key)) DO NOTHING RETURNING seq"
    }

    /// The query of the records that meet `condition` (in the store's dialect), in `order`, at
    /// most `limit` of them; each row ends with its `seq`.
    package func select(where condition: String, order: String, limit: Int) -> String {
        "SELECT \(columns.joined(separator: ", ")), seq FROM \(name) WHERE \(condition) ORDER BY \(order) LIMIT \(limit)"
    }
}
