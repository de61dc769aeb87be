import CreditMedicalCore
public import CreditMedicalHIS
import CreditMedicalStoreSupport
import CSQLite
import Foundation

/// One SQLite file in write-ahead-log mode with durable commits, which keeps the ledger
/// (``ledgerStore``) and the credit desk's paperwork (``encounterStore``): one file to back up,
/// and the ledger's writes and the desk's take turns on one connection without waiting for a file
/// lock.
///
/// A committed write is on disk when ``flush()`` returns: it fsyncs the write-ahead log, which
/// covers every write committed before. The `Ledger` and the desk answer their callers only after
/// that, and meanwhile already write the next batch, so the fsync does not hold up the writer.
/// (SQLite itself runs with `synchronous=NORMAL`: it syncs around checkpoints, and its log
/// checksums discard a torn tail after a power loss, so the file is always consistent and every
/// acknowledged batch is in it.) Queries run on read-only connections beside the writer and may
/// see a committed write a moment before it is on disk.
///
/// Safe to use from many tasks (one write connection behind a lock). Several databases or
/// processes may open the same file: each write runs in a `BEGIN IMMEDIATE` transaction, so
/// writers take turns; one that waits longer than ``busyTimeoutMilliseconds`` gets a
/// ``SQLiteStoreError`` with ``SQLiteStoreError/isBusy`` and nothing of its write is stored.
public final class SQLiteDatabase: CreditDatabase {
    /// How long a writer waits for another connection's lock before giving up.
    public static let busyTimeoutMilliseconds = 10_000

    /// The database file.
    public let path: String
    let connection: SQLiteConnection
    private let lock = NSLock()
    let log: WriteAheadLogFile
    private let readers: SQLiteReaders
    /// What the ledger's recent commits wrote; used only while `lock` is held.
    var ledgerCache = LedgerCache()

    /// The ledger's store on this file.
    public var ledgerStore: SQLiteLedgerStore { SQLiteLedgerStore(database: self) }
    /// The desk's store on this file.
    public var encounterStore: SQLiteEncounterStore { SQLiteEncounterStore(database: self) }
    /// The score decisions on this file.
    public var scoreRecordStore: SQLiteScoreRecordStore { SQLiteScoreRecordStore(database: self) }
    /// The consent signatures and cancellations on this file.
    public var consentStore: SQLiteConsentStore { SQLiteConsentStore(database: self) }
    /// The enrollments' steps on this file.
    public var enrollmentStore: SQLiteEnrollmentStore { SQLiteEnrollmentStore(database: self) }
    /// The arrears list and its registry outbox on this file.
    public var arrearsStore: SQLiteArrearsStore { SQLiteArrearsStore(database: self) }
    /// The receivables and the overdue job's record on this file.
    public var receivableStore: SQLiteReceivableStore { SQLiteReceivableStore(database: self) }

    /// Opens (creating if needed) the database at `path`, switches it to WAL with durable
    /// commits and runs pending migrations. Throws ``SQLiteStoreError`` with
    /// ``SQLiteStoreError/Code/schemaTooNew`` for a database written by a newer SDK.
    public init(path: String) throws {
        let connection = try SQLiteConnection(path: path)
        try connection.execute("PRAGMA busy_timeout = \(Self.busyTimeoutMilliseconds)")
        try Self.switchToWriteAheadLog(connection)
        try connection.execute("PRAGMA synchronous = NORMAL")
        try connection.execute("PRAGMA wal_autocheckpoint = 16384")
        try SQLiteSchema.migrate(connection)
        self.log = try WriteAheadLogFile(database: path)
        try log.sync()
        self.readers = try SQLiteReaders(path: path, count: 4, busyTimeoutMilliseconds: Self.busyTimeoutMilliseconds)
        self.path = path
        self.connection = connection
    }

    /// Switches the file to write-ahead logging, a property of the file: switched on once, it needs
    /// no write lock when the file is opened again (asking for it anyway would take one). While
    /// many processes open a new file at once, switching can meet another's lock without SQLite
    /// waiting for it; then it tries again, for up to ``busyTimeoutMilliseconds``.
    private static func switchToWriteAheadLog(_ connection: SQLiteConnection) throws {
        let deadline = ContinuousClock.now + .milliseconds(busyTimeoutMilliseconds)
        while true {
            do {
                if try connection.text("PRAGMA journal_mode")?.lowercased() == "wal" { return }
                let mode = try connection.text("PRAGMA journal_mode = WAL")
                guard mode?.lowercased() == "wal" else {
                    throw SQLiteStoreError(.walUnavailable, message: "The database stays in journal mode \(mode ?? "unknown").")
                }
                return
            } catch let error as SQLiteStoreError where error.isBusy && ContinuousClock.now < deadline {
                usleep(UInt32.random(in: 1_000...10_000))
            }
        }
    }

    /// The migrations this SDK runs on open, by name (`domain/name`), in the order they run; the
    /// file records each it has run in `creditmedical_migrations`.
    public static var migrations: [String] { SQLiteSchema.plan.ids }

    /// Fsyncs the write-ahead log: every write committed before the call is on disk when it
    /// returns. Safe to call while other writes go on. Returns at once when a sync that began
    /// after the last commit has finished (the ledger and the desk flush the same log).
    public func flush() throws {
        try log.sync()
    }

    /// Whether every write is on disk before it is acknowledged: the file is in write-ahead-log
    /// mode and ``flush()`` fsyncs that log.
    public func commitsAreDurable() throws -> Bool {
        try lock.withLock { try connection.text("PRAGMA journal_mode")?.lowercased() == "wal" }
    }

    /// Runs `body` as the only writer of this database: writes, and ``ledgerCache``, take turns.
    func exclusively<Result>(_ body: () throws -> Result) throws -> Result {
        try lock.withLock(body)
    }

    /// Runs `body` in a write transaction of the connection (`BEGIN IMMEDIATE`) and counts the
    /// commit for ``flush()``. The caller runs ``exclusively(_:)``.
    func writeTransaction<Result>(_ body: (SQLiteConnection) throws -> Result) throws -> Result {
        let result = try connection.writeTransaction { try body(connection) }
        log.committed()
        return result
    }

    /// Runs a query on one of the read-only connections, beside any write transaction.
    func read<Row>(_ sql: String, _ values: [SQLiteValue], decode: (SQLiteStatement) throws(SQLiteStoreError) -> Row) throws -> [Row] {
        try readers.withConnection { try $0.rows(of: sql, values, decode: decode) }
    }

    /// Runs a query of rows whose `column` is one of `values` (see
    /// ``SQLiteConnection/rows(_:whereColumn:in:and:decode:)``) on one of the read-only connections.
    func read<Row>(_ select: String, whereColumn column: String, in values: [String], and condition: String? = nil,
                   decode: (SQLiteStatement) throws(SQLiteStoreError) -> Row) throws -> [Row] {
        try readers.withConnection { try $0.rows(select, whereColumn: column, in: values, and: condition, decode: decode) }
    }
}

// The write connection and the ledger cache are used only while `lock` is held.
extension SQLiteDatabase: @unchecked Sendable {}
