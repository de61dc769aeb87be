public import CreditMedicalCore

/// An error of the PostgreSQL store, told apart by the server's SQLSTATE and by how far libpq
/// got, never by the words of a message.
///
/// `context` names what an operator needs: `host`, `port` and `database` (never a password),
/// the `sqlstate`, which `timeout` ran out and its `limit_ms`, the `attempts` made. `details`
/// keeps the server's or libpq's message, which may quote stored values, for `debugDescription`
/// only. See `CodedError`.
///
/// What a caller does: `Code.unreachable`, `Code.connectionLost`, `Code.timeout` and
/// `Code.serializationFailure` are worth retrying later with the same idempotency keys; when
/// the failed call was a write, its outcome is unknown (a commit may have happened just before
/// the connection went), which the ledger's idempotency keys resolve: the retry answers with
/// what was applied, or applies it now. The others need a person.
public typealias PostgresStoreError = DomainError<PostgresErrorDomain>

/// The domain of ``PostgresStoreError``: its codes are static members of `PostgresStoreError.Code`.
public enum PostgresErrorDomain: ErrorDomain {
    public static let generalSentence = "PostgreSQL store error."
}

extension PostgresStoreError {
    /// The server's SQLSTATE when it sent one (`23505` for a unique violation, `40001` for a
    /// serialization failure).
    public var sqlState: String? { context["sqlstate"] }

    /// This error with `facts` added to its context.
    func adding(_ facts: [String: String]) -> PostgresStoreError {
        PostgresStoreError(code, context: context.merging(facts) { _, new in new }, details: details)
    }
}

extension PostgresStoreError.Code {
    /// No server answers at the address (no socket, connection refused, host unknown), or it is
    /// starting up or shutting down (`57P01`, `57P03`, class `08` while connecting).
    public static let unreachable = Self(
        "postgres.unreachable", "The PostgreSQL server could not be reached or would not take a connection.")
    /// The server refused the role's credentials (`28P01`, `28000`), or wants a password and
    /// none was given.
    public static let authenticationFailed = Self("postgres.authentication_failed", "The PostgreSQL server refused the credentials.")
    /// The server has no database of that name (`3D000`).
    public static let databaseNotFound = Self("postgres.database_not_found", "The PostgreSQL server has no database of that name.")
    /// A deadline passed: connecting or waiting for an answer (the client's own deadline; the
    /// connection is closed), a statement (`57014`) or a lock wait (`55P03`). The context's
    /// `timeout` says which: `connect`, `answer`, `statement` or `lock`.
    public static let timeout = Self("postgres.timeout", "The PostgreSQL server did not answer in time.")
    /// The connection was lost while a statement ran; a commit's outcome is unknown.
    public static let connectionLost = Self(
        "postgres.connection_lost", "The connection to the PostgreSQL server was lost; the outcome of a commit is unknown.")
    /// Concurrent transactions kept conflicting (`40001` serialization failure, `40P01`
    /// deadlock) through every attempt the store made.
    public static let serializationFailure = Self(
        "postgres.serialization_failure", "Concurrent transactions kept conflicting; retry later.")
    /// The server refused a value (SQLSTATE class `22`, data exception).
    public static let invalidInput = Self("postgres.invalid_input", "The PostgreSQL server refused a value.")
    /// The server refused a statement for another reason; the context's `sqlstate` says which.
    public static let statement = Self("postgres.statement", "The PostgreSQL server refused a statement.")
    /// The connection URL is not one libpq understands.
    public static let invalidURL = Self("postgres.invalid_url", "The PostgreSQL connection URL is not valid.")
    /// The database was written by a newer version of the SDK.
    public static let schemaTooNew = Self("postgres.schema_too_new", "The database was written by a newer version of the SDK.")
    /// The database's schema is older than this SDK's; a store opened on it would migrate it.
    public static let needsMigration = Self(
        "postgres.needs_migration", "The database's schema is older than this SDK's; open a store on it to migrate it.")
    /// The database has no CreditMedical schema.
    public static let notACreditMedicalDatabase = Self(
        "postgres.not_a_creditmedical_database", "The database is not a CreditMedical database.")
    /// A stored row holds a value this version does not understand.
    public static let corruptRow = Self("postgres.corrupt_row", "A stored row holds a value this version does not understand.")
    /// The snapshot was closed.
    public static let closed = Self("postgres.closed", "The snapshot was closed.")
}
