import CLibPQ
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A value bound to a statement parameter; sent as text, which the server casts to the
/// column's type.
enum PostgresValue: Sendable {
    case text(String)
    case integer(Int64)
    case null

    static func optional(_ value: Int64?) -> PostgresValue { value.map(PostgresValue.integer) ?? .null }
    static func optional(_ value: String?) -> PostgresValue { value.map(PostgresValue.text) ?? .null }

    fileprivate var text: String? {
        switch self {
        case .text(let text): text
        case .integer(let number): String(number)
        case .null: nil
        }
    }
}

/// One open libpq connection.
///
/// Not thread-safe and not `Sendable`: a store keeps its connections in a pool and lends each to
/// one caller at a time.
final class PostgresConnection {
    private let handle: OpaquePointer

    /// Connects to `url` (`postgres://user@host:port/db`, or a Unix-socket directory as
    /// `postgresql:///db?host=/path`).
    init(url: String) throws(PostgresStoreError) {
        guard let handle = PQconnectdb(url) else {
            throw PostgresStoreError(.connection, message: "libpq could not allocate a connection")
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(handle))
            PQfinish(handle)
            throw PostgresStoreError(message.contains("invalid") ? .invalidURL : .connection, message: message)
        }
        self.handle = handle
        // Notices ("already exists, skipping") are for people at a console, not for a store.
        PQclear(PQexec(handle, "SET client_min_messages = warning"))
    }

    deinit { PQfinish(handle) }

    /// Whether the connection is still usable.
    var isOpen: Bool { PQstatus(handle) == CONNECTION_OK }

    /// Runs SQL without parameters (may hold several statements).
    func execute(_ sql: String) throws(PostgresStoreError) {
        _ = try check(PQexec(handle, sql))
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
        let texts = parameters.map(\.text)
        let copies = texts.map { $0.map { strdup($0) } ?? nil }
        defer { for copy in copies { free(copy) } }
        let values = copies.map { UnsafePointer<CChar>($0) }
        let sent = values.withUnsafeBufferPointer { values in
            PQsendQueryParams(handle, sql, Int32(values.count), nil, values.baseAddress, nil, nil, 0)
        }
        guard sent == 1 else { throw PostgresStoreError(.connection, message: String(cString: PQerrorMessage(handle))) }
    }

    /// The result of the statement ``send(_:_:)`` sent, or the error it reports.
    @discardableResult
    func finish() throws(PostgresStoreError) -> PostgresResult {
        var first: OpaquePointer?
        while let result = PQgetResult(handle) {
            if first == nil { first = result } else { PQclear(result) }
        }
        return try check(first)
    }

    /// Runs `body` in a transaction: commits when it returns, rolls back when it or the commit throws.
    func transaction<Result>(_ body: () throws -> Result) throws -> Result {
        try execute("BEGIN")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            if PQtransactionStatus(handle) != PQTRANS_IDLE { PQclear(PQexec(handle, "ROLLBACK")) }
            throw error
        }
    }

    /// The result of a call, or the error it reports.
    private func check(_ result: OpaquePointer?) throws(PostgresStoreError) -> PostgresResult {
        guard let result else {
            throw PostgresStoreError(.connection, message: String(cString: PQerrorMessage(handle)))
        }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK:
            return PostgresResult(result)
        default:
            let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
            let message = String(cString: PQresultErrorMessage(result))
            PQclear(result)
            throw PostgresStoreError(isOpen ? .statement : .connection, sqlState: state, message: message)
        }
    }
}

/// The rows a statement returned, read as text.
final class PostgresResult {
    private let handle: OpaquePointer

    init(_ handle: OpaquePointer) { self.handle = handle }

    deinit { PQclear(handle) }

    /// How many rows there are.
    var count: Int { Int(PQntuples(handle)) }

    /// The value at `row`, `column` as text; `nil` for NULL.
    func text(_ row: Int, _ column: Int) -> String? {
        guard PQgetisnull(handle, Int32(row), Int32(column)) == 0 else { return nil }
        return String(cString: PQgetvalue(handle, Int32(row), Int32(column)))
    }

    /// The value at `row`, `column` as an integer; `nil` for NULL or text that is not one.
    func int64(_ row: Int, _ column: Int) -> Int64? {
        text(row, column).flatMap { Int64($0) }
    }
}
