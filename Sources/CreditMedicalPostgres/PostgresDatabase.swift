import CreditMedicalCore
public import CreditMedicalHIS
import CreditMedicalStoreSupport
import Foundation
import Synchronization

/// A CreditMedical database in PostgreSQL, for several SDK instances (processes, machines) on one
/// database: it keeps the ledger (``ledgerStore``) and the credit desk's paperwork
/// (``encounterStore``), which share its small pool of connections, reopened after a drop.
/// Configured by a libpq URL and ``PostgresOptions``.
///
/// Durability: every connection starts with `synchronous_commit=on` in its startup options,
/// which nothing in the database, the role or the URL can override, so a commit is on disk when
/// it returns, on every pooled connection and after every reconnect.
///
/// Failures are ``PostgresStoreError``s. A write that fails with a timeout or a lost connection
/// may or may not have been committed; retrying it with the same idempotency keys is safe and
/// answers with what was applied. A write whose transaction meets a serialization failure or a
/// deadlock runs again, up to ``PostgresOptions/maximumAttempts`` times.
public final class PostgresDatabase: CreditDatabase {
    /// The connection URL. It may hold a password: print ``PostgresDatabase/redacted(_:)``.
    public let url: String
    /// The timeouts and retries the database was opened with.
    public let options: PostgresOptions
    private let pool: PostgresConnectionPool
    /// The insert statements by table, columns and update, made on first use (see ``insert(into:columns:rows:updating:key:on:)``).
    private let insertStatements = Mutex<[String: String]>([:])
    /// See ``injectFaults(_:)``.
    private let faultBeforeCommit = Mutex<(@Sendable () -> String?)?>(nil)

    /// The ledger's store in this database.
    public var ledgerStore: PostgresLedgerStore { PostgresLedgerStore(database: self) }
    /// The desk's store in this database.
    public var encounterStore: PostgresEncounterStore { PostgresEncounterStore(database: self) }
    /// The score decisions in this database.
    public var scoreRecordStore: PostgresScoreRecordStore { PostgresScoreRecordStore(database: self) }
    /// The consent signatures and cancellations in this database.
    public var consentStore: PostgresConsentStore { PostgresConsentStore(database: self) }
    /// The enrollments' steps in this database.
    public var enrollmentStore: PostgresEnrollmentStore { PostgresEnrollmentStore(database: self) }
    /// The arrears list and its registry outbox in this database.
    public var arrearsStore: PostgresArrearsStore { PostgresArrearsStore(database: self) }
    /// The receivables and the overdue job's record in this database.
    public var receivableStore: PostgresReceivableStore { PostgresReceivableStore(database: self) }

    /// Connects to `url`, runs pending migrations and keeps up to `connections` connections.
    /// Throws ``PostgresStoreError``: `PostgresStoreError.Code.schemaTooNew` for a database
    /// written by a newer SDK, and the connection's codes (unreachable, authentication failed,
    /// database not found, timeout).
    public init(url: String, connections: Int = 4, options: PostgresOptions = PostgresOptions()) throws {
        self.url = url
        self.options = options
        self.pool = PostgresConnectionPool(settings: PostgresConnectionSettings(url: url, options: options), size: connections)
        try pool.withConnection { connection in try PostgresSchema.migrate(connection) }
    }

    /// Does nothing: commits are durable when they return.
    public func flush() throws {}

    /// The migrations this SDK runs on open, by name (`domain/name`), in the order they run; the
    /// database records each it has run in `creditmedical_migrations`.
    public static var migrations: [String] { PostgresSchema.plan.ids }

    /// Whether a commit is on disk when it returns: asks every connection of the pool (opening
    /// those not open yet) for `fsync` and `synchronous_commit`, as each really has them.
    public func commitsAreDurable() throws -> Bool {
        let answers = try pool.withEachConnection { connection in
            let settings = try connection.query("SELECT current_setting('fsync'), current_setting('synchronous_commit')")
            return settings.text(0, 0) == "on" && settings.text(0, 1) != "off"
        }
        return !answers.contains(false)
    }

    /// Inserts `rows` with one statement per table, however many rows: each column goes as one
    /// array parameter, unnested by the server (`INSERT … SELECT * FROM unnest($1::bigint[], …)`),
    /// so the statement's text and its parsing do not grow with the batch. Rows whose key (`id`,
    /// or `key`) exists get the named columns updated.
    func insert(into table: String, columns: String, rows: [[PostgresValue]], updating: [String] = [], key: String = "id",
                on connection: PostgresConnection) throws {
        guard !rows.isEmpty else { return }
        let sql = insertStatement(into: table, columns: columns, updating: updating, key: key)
        try connection.query(sql, Self.columnArrays(rows))
    }

    /// One array parameter per column of `rows`.
    static func columnArrays(_ rows: [[PostgresValue]]) -> [PostgresValue] {
        guard let width = rows.first?.count else { return [] }
        return (0..<width).map { column in PostgresLedgerRows.array(literals: rows.lazy.map { $0[column] }) }
    }

    /// The text of ``insert(into:columns:rows:updating:key:on:)``'s statement for `table`, made
    /// once: each array parameter is cast to its column's type (`bigint` for integer columns,
    /// else `text`), as the stores' column lists say (no query of the catalog).
    func insertStatement(into table: String, columns: String, updating: [String], key: String) -> String {
        let signature = [table, columns, updating.joined(separator: ","), key].joined(separator: "|")
        if let known = insertStatements.withLock({ $0[signature] }) { return known }
        let names = columns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let integers = PostgresLedgerRows.tables.contains(table) ? PostgresLedgerRows.integers
            : ReceivableColumns.tables.contains(table) ? ReceivableColumns.integers : EncounterColumns.integers
        let casts = names.enumerated().map { index, name in "$\(index + 1)::\(integers.contains(name) ? "bigint" : "text")[]" }
        var sql = "INSERT INTO \(table) (\(columns)) SELECT * FROM unnest(\(casts.joined(separator: ", ")))"
        if !updating.isEmpty {
            sql += " ON CONFLICT (\(key)) DO UPDATE SET " + updating.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        }
        insertStatements.withLock { $0[signature] = sql }
        return sql
    }

    /// Runs `body` in a transaction on a pooled connection; when the server reports a
    /// serialization failure or a deadlock, rolls back and runs it again after a short random
    /// pause (10 ms, doubling, ±50 %), up to ``PostgresOptions/maximumAttempts`` attempts in all,
    /// then throws `PostgresStoreError.Code.serializationFailure` with the `attempts` made.
    func write<Result>(_ body: (PostgresConnection) throws -> Result) throws -> Result {
        let attempts = max(options.maximumAttempts, 1)
        var attempt = 1
        while true {
            do {
                return try pool.withConnection { connection in
                    try connection.transaction {
                        let result = try body(connection)
                        try injectFault(on: connection)
                        return result
                    }
                }
            } catch let error as PostgresStoreError where error.code == .serializationFailure {
                guard attempt < attempts else { throw error.adding(["attempts": "\(attempt)"]) }
                Thread.sleep(forTimeInterval: 0.01 * Double(1 << min(attempt - 1, 10)) * Double.random(in: 0.5..<1.5))
                attempt += 1
            }
        }
    }

    /// For tests: `fault` is asked before each write transaction commits, and an SQLSTATE it
    /// returns (five digits or capital letters) is raised by the server there, as if the
    /// transaction had met that failure; `nil` stops asking.
    package func injectFaults(_ fault: (@Sendable () -> String?)?) {
        faultBeforeCommit.withLock { $0 = fault }
    }

    /// Raises the SQLSTATE that the fault of ``injectFaults(_:)`` returns, if any, on the server.
    private func injectFault(on connection: PostgresConnection) throws {
        guard let fault = faultBeforeCommit.withLock({ $0 }), let state = fault() else { return }
        guard state.count == 5, state.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase) }) else {
            preconditionFailure("an injected SQLSTATE has five digits or capital letters: \(state)")
        }
        try connection.execute("DO $$ BEGIN RAISE EXCEPTION 'injected failure' USING ERRCODE = '\(state)'; END $$")
    }

    func read<Row>(_ sql: String, _ parameters: [PostgresValue],
                   _ decode: (PostgresResult) throws(PostgresStoreError) -> [Row]) throws -> [Row] {
        try pool.withConnection { connection in try decode(connection.query(sql, parameters)) }
    }
}
