public import CreditMedicalCore

/// An error of the PostgreSQL store: the server could not be reached, refused a statement (with
/// its SQLSTATE), or holds a database this version cannot use.
///
/// `description` carries no amounts or identifiers of patients: the server's messages are kept
/// in ``message`` for engineers, and name tables and constraints.
public struct PostgresStoreError: CodedError {
    /// A stable, machine-readable code.
    public struct Code: ErrorCode {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The connection could not be opened or was lost.
        public static let connection = Self(rawValue: "postgres.connection")
        /// The server refused a statement; ``PostgresStoreError/sqlState`` says why.
        public static let statement = Self(rawValue: "postgres.statement")
        /// The connection URL is not one libpq understands.
        public static let invalidURL = Self(rawValue: "postgres.invalid_url")
        /// The database was written by a newer version of the SDK.
        public static let schemaTooNew = Self(rawValue: "postgres.schema_too_new")
        /// A stored row holds a value this version does not understand.
        public static let corruptRow = Self(rawValue: "postgres.corrupt_row")

        public var sentence: String {
            switch self {
            case .connection: "The PostgreSQL server could not be reached, or the connection was lost."
            case .statement: "The PostgreSQL server refused a statement."
            case .invalidURL: "The PostgreSQL connection URL is not valid."
            case .schemaTooNew: "The database was written by a newer version of the SDK."
            case .corruptRow: "A stored row holds a value this version does not understand."
            default: "PostgreSQL store error."
            }
        }
    }

    public let code: Code
    /// The server's SQLSTATE for ``Code/statement`` (`23505` for a unique violation, `40001`
    /// for a serialization failure).
    public let sqlState: String?
    /// The server's or libpq's message, for engineers.
    public let message: String

    public init(_ code: Code, sqlState: String? = nil, message: String) {
        self.code = code
        self.sqlState = sqlState
        self.message = message
    }

    public var details: String { [sqlState, message].compactMap { $0 }.joined(separator: " ") }
}
