public import CreditMedicalCore
public import CreditMedicalHIS
import CSQLite
import Foundation

/// A read-only view of a SQLite ledger file at one moment, for audits and reports: every query
/// answers from the same snapshot while other processes go on writing, until ``close()``.
///
/// It never creates, migrates or writes the database: the file is opened read-only (a missing
/// one is ``SQLiteStoreError/Code/fileNotFound``, naming the path), and all reads run in one
/// read transaction. (To read a file in write-ahead-log mode, SQLite may create the `-wal` and
/// `-shm` files beside it; the database itself is not touched.) It opens only a file that
/// has run exactly this SDK's migrations and refuses others: ``SQLiteStoreError/Code/notALedgerDatabase``,
/// ``SQLiteStoreError/Code/needsMigration`` when migrations are pending (a ``SQLiteDatabase``
/// opened on it runs them), ``SQLiteStoreError/Code/schemaTooNew`` when a newer SDK migrated it.
///
/// ```swift
/// let snapshot = try SQLiteSnapshot(path: "/var/lib/his/credit.sqlite")
/// defer { snapshot.close() }
/// let report = try LedgerAuditor(store: snapshot).audit()
/// ```
///
/// Safe to use from several threads: queries take turns on its one connection.
public final class SQLiteSnapshot: LedgerReader, EncounterReader, SQLiteLedgerQuerying, SQLiteEncounterQuerying {
    /// The database file.
    public let path: String
    /// The snapshot's connection, `nil` once closed; used only while `lock` is held.
    private var connection: SQLiteConnection?
    private let lock = NSLock()

    /// Opens a snapshot of the database at `path`.
    public init(path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw SQLiteStoreError(.fileNotFound, message: "No file at the path.", path: path)
        }
        let connection = try SQLiteConnection(path: path, readOnly: true)
        try connection.execute("PRAGMA busy_timeout = \(SQLiteDatabase.busyTimeoutMilliseconds)")
        // The first read after BEGIN fixes the snapshot every later read answers from.
        try connection.execute("BEGIN")
        try SQLiteSchema.requireCurrent(connection, path: path)
        self.path = path
        self.connection = connection
    }

    deinit { close() }

    /// Ends the snapshot's transaction and closes the file; later queries throw. Closing again
    /// does nothing.
    public func close() {
        lock.withLock {
            if let open = connection, sqlite3_get_autocommit(open.handle) == 0 { try? open.execute("COMMIT") }
            connection = nil
        }
    }

    func read<Row>(_ sql: String, _ values: [SQLiteValue], decode: (SQLiteStatement) throws(SQLiteStoreError) -> Row) throws -> [Row] {
        try lock.withLock {
            guard let connection else { throw SQLiteStoreError(.sqlite, message: "The snapshot is closed.", path: path) }
            return try connection.rows(of: sql, values, decode: decode)
        }
    }
}

// The connection is used only while `lock` is held.
extension SQLiteSnapshot: @unchecked Sendable {}
