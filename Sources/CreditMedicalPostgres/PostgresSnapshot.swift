public import CreditMedicalCore
public import CreditMedicalHIS
import Synchronization

/// A read-only view of a CreditMedical database at one moment, for audits and reports: every
/// query answers from the same snapshot while other instances go on writing, until ``close()``.
///
/// It never creates, migrates or writes anything. Its connection starts with
/// `default_transaction_read_only=on`, and all its reads run in one
/// `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY` transaction. It opens only a database that
/// has run exactly this SDK's migrations, and refuses others with a ``PostgresStoreError``:
/// `PostgresStoreError.Code.notACreditMedicalDatabase` when it has no CreditMedical schema,
/// `PostgresStoreError.Code.needsMigration` when migrations are pending (a
/// ``PostgresDatabase`` opened on it runs them), `PostgresStoreError.Code.schemaTooNew`
/// when a newer SDK has migrated it.
///
/// ```swift
/// let snapshot = try PostgresSnapshot(url: url)
/// defer { snapshot.close() }
/// let entries = try snapshot.journal(line: nil, after: 0, limit: 10_000)
/// let lines = try snapshot.lines(after: nil, limit: 10_000)  // the same moment as the entries
/// ```
///
/// The snapshot's queries are the store's, and ``PostgresOptions``' timeouts apply; a long audit
/// may need a longer statement timeout. Safe to use from several threads: queries take turns on
/// its one connection.
public final class PostgresSnapshot: LedgerReader, EncounterReader, PostgresLedgerQueries, PostgresEncounterQueries {
    /// The snapshot's connection, `nil` once closed.
    private let connection: Mutex<PostgresConnection?>

    /// Opens a snapshot of the database at `url`.
    public init(url: String, options: PostgresOptions = PostgresOptions()) throws {
        let connection = try PostgresConnection(PostgresConnectionSettings(url: url, options: options, readOnly: true))
        try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try PostgresSchema.requireCurrent(on: connection)
        self.connection = Mutex(connection)
    }

    /// Ends the snapshot's transaction and closes its connection; later queries throw
    /// `PostgresStoreError.Code.closed`. Closing again does nothing.
    public func close() {
        connection.withLock { connection in
            try? connection?.execute("ROLLBACK")
            connection?.close()
            connection = nil
        }
    }

    func read<Row>(_ sql: String, _ parameters: [PostgresValue],
                   _ decode: (PostgresResult) throws(PostgresStoreError) -> [Row]) throws -> [Row] {
        try connection.withLock { connection in
            guard let connection else { throw PostgresStoreError(.closed) }
            return try decode(connection.query(sql, parameters))
        }
    }
}
