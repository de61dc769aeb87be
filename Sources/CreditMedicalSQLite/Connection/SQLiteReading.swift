import CSQLite

/// Something that answers SQL queries over a SQLite ledger file: a store's read-only connections
/// beside its writer, or a snapshot's one read transaction (``SQLiteSnapshot``). The ledger's and
/// the desk's queries (``SQLiteLedgerQuerying``, ``SQLiteEncounterQuerying``) are written once on it.
protocol SQLiteReading: Sendable {
    /// The rows of a query, each read by `decode`.
    func read<Row>(_ sql: String, _ values: [SQLiteValue], decode: (SQLiteStatement) throws(SQLiteStoreError) -> Row) throws -> [Row]
}

extension SQLiteReading {
    func read<Row>(_ sql: String, _ values: SQLiteValue..., decode: (SQLiteStatement) throws(SQLiteStoreError) -> Row) throws -> [Row] {
        try read(sql, values, decode: decode)
    }
}
