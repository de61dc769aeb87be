import CreditMedicalCore
import CLibPQ
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One open libpq connection, driven without blocking: every wait for the server (connecting,
/// sending, the answer) polls the socket with a deadline, because libpq's own waits have none
/// and a server that stops answering would hang the caller. A missed deadline closes the
/// connection and throws `PostgresStoreError.Code.timeout`.
///
/// Not thread-safe and not `Sendable`: a store keeps its connections in a pool and lends each to
/// one caller at a time.
final class PostgresConnection {
    private var handle: OpaquePointer?
    /// `host`, `port` and `database`, for the context of errors.
    let place: [String: String]
    /// How long the client waits for the answer to one statement.
    private var answerTimeout: Duration
    /// When the answer to the statement sent last must have come.
    private var deadline = ContinuousClock.now

    /// Connects to `url` (`postgres://user@host:port/db`, a Unix-socket directory as
    /// `postgresql:///db?host=/path`, or libpq's `key=value` pairs).
    convenience init(url: String, options: PostgresOptions = PostgresOptions()) throws(PostgresStoreError) {
        try self.init(PostgresConnectionSettings(url: url, options: options))
    }

    init(_ settings: PostgresConnectionSettings) throws(PostgresStoreError) {
        let (keywords, values, connectTimeout) = try settings.parameters()
        let handle = try Self.connect(keywords: keywords, values: values, timeout: connectTimeout)
        self.handle = handle
        self.place = Self.place(of: handle)
        self.answerTimeout = PostgresOptions.defaultStatementTimeout + connectTimeout
        PQsetnonblocking(handle, 1)
        // The statement timeout this connection really has (the URL may have changed it).
        let limit = try query("SELECT setting::bigint FROM pg_settings WHERE name = 'statement_timeout'").int64(0, 0) ?? 0
        if limit > 0 { answerTimeout = .milliseconds(limit) + connectTimeout }
    }

    /// Whether a statement was sent and its result not yet collected (``send(_:_:)`` before
    /// ``finish()``).
    private var awaitingResult = false

    deinit { close() }

    /// Whether the connection is still usable.
    var isOpen: Bool { handle.map { PQstatus($0) == CONNECTION_OK } ?? false }

    /// Closes the connection; a later call throws `PostgresStoreError.Code.connectionLost`.
    func close() {
        if let handle { PQfinish(handle) }
        handle = nil
    }

    /// Runs SQL without parameters (may hold several statements).
    func execute(_ sql: String) throws(PostgresStoreError) {
        let handle = try openHandle()
        deadline = .now + answerTimeout
        guard PQsendQuery(handle, sql) == 1 else { throw lost(handle) }
        awaitingResult = true
        try flush(handle)
        _ = try finish()
    }

    /// Runs one statement with `parameters` bound to `$1`, `$2`, … and returns its rows.
    @discardableResult
    func query(_ sql: String, _ parameters: [PostgresValue] = []) throws(PostgresStoreError) -> PostgresResult {
        try send(sql, parameters)
        return try finish()
    }

    /// Sends one statement without waiting for it, so the caller can prepare the next one while
    /// the server works; ``finish()`` must collect its result before the connection is used again.
    func send(_ sql: String, _ parameters: [PostgresValue]) throws(PostgresStoreError) {
        let handle = try openHandle()
        deadline = .now + answerTimeout
        let copies = parameters.map { $0.text.map { strdup($0) } ?? nil }
        defer { for copy in copies { free(copy) } }
        let values = copies.map { UnsafePointer<CChar>($0) }
        let sent = values.withUnsafeBufferPointer { values in
            PQsendQueryParams(handle, sql, Int32(values.count), nil, values.baseAddress, nil, nil, 0)
        }
        guard sent == 1 else { throw lost(handle) }
        awaitingResult = true
        try flush(handle)
    }

    /// The result of the statement sent last, or the error it reports.
    @discardableResult
    func finish() throws(PostgresStoreError) -> PostgresResult {
        let handle = try openHandle()
        awaitingResult = false
        var first: OpaquePointer?
        while true {
            while PQisBusy(handle) == 1 {
                guard PostgresSocket.wait(PQsocket(handle), for: PostgresSocket.readable, until: deadline) else {
                    PQclear(first)
                    throw timedOut()
                }
                guard PQconsumeInput(handle) == 1 else { throw lost(handle, first) }
            }
            guard let result = PQgetResult(handle) else { break }
            if first == nil { first = result } else { PQclear(result) }
        }
        guard let first else { throw lost(handle) }
        switch PQresultStatus(first) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK:
            return PostgresResult(first)
        default:
            guard isOpen else { throw lost(handle, first) }
            let state = PQresultErrorField(first, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
            let message = String(cString: PQresultErrorMessage(first))
            PQclear(first)
            throw PostgresStoreError.refusal(sqlState: state, message: message, at: place)
        }
    }

    /// Runs `body` in a transaction: commits when it returns, rolls back when it or the commit
    /// throws. A commit that times out or loses the connection has an unknown outcome.
    func transaction<Result>(_ body: () throws -> Result) throws -> Result {
        try execute("BEGIN")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            rollBack()
            throw error
        }
    }

    /// Ends a failed transaction: collects the result of a statement still running (what it did is
    /// undone by the rollback, so its own error no longer matters), then rolls back. A connection
    /// where that fails is closed, so that the pool opens a new one instead of lending out one in
    /// an unknown state.
    private func rollBack() {
        guard let handle, isOpen else { return }
        do {
            if awaitingResult {
                do { _ = try finish() } catch where isOpen && PQtransactionStatus(handle) == PQTRANS_INERROR {}
            }
            if PQtransactionStatus(handle) != PQTRANS_IDLE { try execute("ROLLBACK") }
        } catch {
            close()
        }
    }

    /// The handle, unless the connection was closed.
    private func openHandle() throws(PostgresStoreError) -> OpaquePointer {
        guard let handle else {
            throw PostgresStoreError(.connectionLost, context: place, details: "the connection was closed after an earlier failure")
        }
        return handle
    }

    /// Sends what libpq has buffered, waiting for the socket (and reading what the server sends
    /// meanwhile) until the deadline.
    private func flush(_ handle: OpaquePointer) throws(PostgresStoreError) {
        while true {
            switch PQflush(handle) {
            case 0:
                return
            case 1:
                let either = PostgresSocket.readable | PostgresSocket.writable
                guard PostgresSocket.wait(PQsocket(handle), for: either, until: deadline) else { throw timedOut() }
                guard PQconsumeInput(handle) == 1 else { throw lost(handle) }
            default:
                throw lost(handle)
            }
        }
    }

    /// Closes the connection after a missed deadline; the error to throw.
    private func timedOut() -> PostgresStoreError {
        close()
        return PostgresStoreError(.timeout, context: place.merging(["timeout": "answer", "limit_ms": "\(answerTimeout.wholeMilliseconds)"]) { $1 },
                                  details: "no answer from the server in time; the connection was closed")
    }

    /// Closes a connection that failed under a statement (keeping the SQLSTATE of `result`, the
    /// server's last word, when there is one); the error to throw.
    private func lost(_ handle: OpaquePointer, _ result: OpaquePointer? = nil) -> PostgresStoreError {
        var facts = place
        facts["sqlstate"] = result.flatMap { PQresultErrorField($0, Int32(UInt8(ascii: "C"))) }.map { String(cString: $0) }
        let message = result.map { String(cString: PQresultErrorMessage($0)) } ?? String(cString: PQerrorMessage(handle))
        PQclear(result)
        close()
        return PostgresStoreError(.connectionLost, context: facts, details: message)
    }
}
