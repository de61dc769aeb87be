/// Something that runs SQL queries on a CreditMedical database: a store's pool of connections, or a
/// snapshot's one read transaction (``PostgresSnapshot``). The ledger's and the desk's queries
/// (``PostgresLedgerQueries``, ``PostgresEncounterQueries``) are written once on it.
protocol PostgresReading: Sendable {
    /// Runs one statement with `parameters` and reads its rows with `decode`.
    func read<Row>(_ sql: String, _ parameters: [PostgresValue],
                   _ decode: (PostgresResult) throws(PostgresStoreError) -> [Row]) throws -> [Row]
}
