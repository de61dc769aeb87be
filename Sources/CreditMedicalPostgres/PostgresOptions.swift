/// How the module's connections wait and retry; every store, snapshot and scratch-database call
/// takes one. The defaults suit a HIS server on the same network as its database.
///
/// The timeouts travel in each connection's startup options, before the URL's own, so a URL
/// can change them without a code change: `connect_timeout=5` (whole seconds, 1 read as 2, as
/// libpq reads it; 0 leaves this value) and `options=-c statement_timeout=60000 -c
/// lock_timeout=5000` (milliseconds) win over these.
///
/// The client never waits for an answer longer than the statement timeout the connection really
/// has (asked once when it opens) plus the connect timeout; then it closes the connection and
/// throws `PostgresStoreError.Code.timeout`, so a server that stops answering ends a call
/// instead of hanging it. A statement timeout of zero turns the server's limit off; the client
/// then still gives up after the default 30 s plus the connect timeout.
public struct PostgresOptions: Sendable, Hashable {
    /// How long opening a connection may take, all hosts of the URL together. Default 10 s; a
    /// zero or negative value is taken as the default.
    public var connectTimeout: Duration
    /// How long the server lets one statement run (`statement_timeout`). Default 30 s.
    public var statementTimeout: Duration
    /// How long a statement waits for a lock (`lock_timeout`). Default 10 s.
    public var lockTimeout: Duration
    /// How many times a store runs a write whose transaction met a serialization failure or a
    /// deadlock (`40001`, `40P01`), with a short random pause between attempts, before it throws
    /// `PostgresStoreError.Code.serializationFailure`. Default 5; at least 1.
    public var maximumAttempts: Int

    public init(connectTimeout: Duration = .seconds(10), statementTimeout: Duration = Self.defaultStatementTimeout,
                lockTimeout: Duration = .seconds(10), maximumAttempts: Int = 5) {
        self.connectTimeout = connectTimeout
        self.statementTimeout = statementTimeout
        self.lockTimeout = lockTimeout
        self.maximumAttempts = maximumAttempts
    }

    /// The statement timeout unless one is given, and the client's wait for an answer when the
    /// server's limit is off.
    public static let defaultStatementTimeout = Duration.seconds(30)
}

extension Duration {
    /// Whole milliseconds, rounded up; never negative.
    var wholeMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        let milliseconds = seconds.multipliedReportingOverflow(by: 1_000)
        guard !milliseconds.overflow else { return seconds < 0 ? 0 : .max }
        let fraction = (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return max(0, milliseconds.partialValue + fraction)
    }
}
