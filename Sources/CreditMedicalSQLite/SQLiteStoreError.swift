/// An error of the SQLite store: a failed SQLite call (with SQLite's own message), or a
/// database this version cannot use.
///
/// `description` carries no amounts or identifiers of patients: SQLite's messages name tables
/// and constraints, never values.
public struct SQLiteStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable code. New codes may be added in later versions.
    public struct Code: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A SQLite call failed; ``SQLiteStoreError/resultCode`` says how.
        public static let sqlite = Code(rawValue: "sqlite.call_failed")
        /// The database was written by a newer version of the SDK.
        public static let schemaTooNew = Code(rawValue: "sqlite.schema_too_new")
        /// The file is a SQLite database of another application.
        public static let notALedgerDatabase = Code(rawValue: "sqlite.not_a_ledger_database")
        /// The database could not be switched to write-ahead logging.
        public static let walUnavailable = Code(rawValue: "sqlite.wal_unavailable")
        /// The write-ahead log could not be opened or fsynced; what was committed may not be on disk.
        public static let syncFailed = Code(rawValue: "sqlite.sync_failed")
        /// A stored row holds a value this version does not understand.
        public static let corruptRow = Code(rawValue: "sqlite.corrupt_row")
    }

    /// What went wrong.
    public let code: Code
    /// SQLite's extended result code, for ``Code/sqlite``.
    public let resultCode: Int32?
    /// SQLite's message, or a sentence of our own.
    public let message: String

    public init(_ code: Code, resultCode: Int32? = nil, message: String) {
        self.code = code
        self.resultCode = resultCode
        self.message = message
    }

    /// Whether another connection held the lock for longer than the busy timeout (`SQLITE_BUSY`).
    public var isBusy: Bool { resultCode.map { $0 & 0xFF == 5 } ?? false }

    public var description: String {
        "\(code.rawValue)\(resultCode.map { " (SQLite result \($0))" } ?? ""): \(message)"
    }
}
