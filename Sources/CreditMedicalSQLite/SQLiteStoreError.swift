public import CreditMedicalCore

/// An error of the SQLite store: a failed SQLite call (with SQLite's own message), or a
/// database this version cannot use.
///
/// SQLite's messages name tables, columns and constraints, never values, so `description` shows
/// them (with the result code and the file) for the operator; see `CodedError`.
public struct SQLiteStoreError: CodedError {
    /// A stable, machine-readable code. New codes may be added in later versions.
    public struct Code: ErrorCode {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// A SQLite call failed; ``SQLiteStoreError/resultCode`` says how.
        public static let sqlite = Code(rawValue: "sqlite.call_failed")
        /// The database was written by a newer version of the SDK.
        public static let schemaTooNew = Code(rawValue: "sqlite.schema_too_new")
        /// The database was written by an older version of the SDK and must be migrated (by
        /// opening it as a store) before it can be read without writing.
        public static let needsMigration = Code(rawValue: "sqlite.needs_migration")
        /// There is no database file at the path.
        public static let fileNotFound = Code(rawValue: "sqlite.file_not_found")
        /// The file is a SQLite database of another application.
        public static let notALedgerDatabase = Code(rawValue: "sqlite.not_a_ledger_database")
        /// The database could not be switched to write-ahead logging.
        public static let walUnavailable = Code(rawValue: "sqlite.wal_unavailable")
        /// The write-ahead log could not be opened or fsynced; what was committed may not be on disk.
        public static let syncFailed = Code(rawValue: "sqlite.sync_failed")
        /// A stored row holds a value this version does not understand.
        public static let corruptRow = Code(rawValue: "sqlite.corrupt_row")
        /// A failed transaction could not be rolled back; the message names the failure. Nothing
        /// of it is committed, and the next write rolls it back first.
        public static let rollbackFailed = Code(rawValue: "sqlite.rollback_failed")

        public var sentence: String {
            switch self {
            case .sqlite: "A SQLite call failed."
            case .schemaTooNew: "The database was written by a newer version of the SDK."
            case .needsMigration: "The database was written by an older version of the SDK; open it as a store once to migrate it."
            case .fileNotFound: "There is no database file at the path."
            case .notALedgerDatabase: "The file is not a CreditMedical database."
            case .walUnavailable: "The database could not be switched to write-ahead logging."
            case .syncFailed: "The write-ahead log could not be synced; what was committed may not be on disk."
            case .corruptRow: "A stored row holds a value this version does not understand."
            case .rollbackFailed: "A failed transaction could not be rolled back; the next write tries again."
            default: "SQLite store error."
            }
        }
    }

    /// What went wrong.
    public let code: Code
    /// SQLite's extended result code, for ``Code/sqlite``.
    public let resultCode: Int32?
    /// SQLite's message, or a sentence of our own.
    public let message: String
    /// The database file, when the error is about the file itself.
    public let path: String?

    public init(_ code: Code, resultCode: Int32? = nil, message: String, path: String? = nil) {
        self.code = code
        self.resultCode = resultCode
        self.message = message
        self.path = path
    }

    /// Whether another connection held the lock for longer than the busy timeout (`SQLITE_BUSY`).
    public var isBusy: Bool { resultCode.map { $0 & 0xFF == 5 } ?? false }

    public var context: [String: String] {
        var context = ["message": message]
        if let resultCode { context["result_code"] = "\(resultCode)" }
        if let path { context["path"] = path }
        return context
    }

    public var details: String { "" }
}
