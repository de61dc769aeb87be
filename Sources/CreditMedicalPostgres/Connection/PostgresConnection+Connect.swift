import CreditMedicalCore
import CLibPQ
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension PostgresConnection {
    /// Opens a connection with libpq's non-blocking calls (`PQconnectStartParams`, then
    /// `PQconnectPoll` while the socket is waited on), so that `timeout` bounds the whole of it.
    /// A failure is classified by how far it got and by the server's SQLSTATE
    /// (`PostgresStoreError.connectFailure(message:reachedServer:needsPassword:at:)`).
    static func connect(keywords: [String], values: [String], timeout: Duration) throws(PostgresStoreError) -> OpaquePointer {
        let deadline = ContinuousClock.now + timeout
        let keywordCopies = keywords.map { strdup($0) }
        let valueCopies = values.map { strdup($0) }
        defer { for copy in keywordCopies + valueCopies { free(copy) } }
        let keywordPointers = keywordCopies.map { UnsafePointer<CChar>($0) } + [nil]
        let valuePointers = valueCopies.map { UnsafePointer<CChar>($0) } + [nil]
        let started = PQconnectStartParams(keywordPointers, valuePointers, 1)
        guard let handle = started else { throw PostgresStoreError(.unreachable, details: "libpq could not allocate a connection") }
        // Only the verbose format puts the server's SQLSTATE into a connection's error message.
        PQsetErrorVerbosity(handle, PQERRORS_VERBOSE)
        var reachedServer = false
        var polling = PQstatus(handle) == CONNECTION_BAD ? PGRES_POLLING_FAILED : PGRES_POLLING_WRITING
        while polling != PGRES_POLLING_OK {
            reachedServer = reachedServer || ![CONNECTION_STARTED, CONNECTION_NEEDED, CONNECTION_BAD].contains(PQstatus(handle))
            let events: Int16
            switch polling {
            case PGRES_POLLING_READING: events = PostgresSocket.readable
            case PGRES_POLLING_WRITING: events = PostgresSocket.writable
            default:
                let failure = PostgresStoreError.connectFailure(
                    message: String(cString: PQerrorMessage(handle)), reachedServer: reachedServer,
                    needsPassword: PQconnectionNeedsPassword(handle) == 1, at: place(of: handle))
                PQfinish(handle)
                throw failure
            }
            guard PostgresSocket.wait(PQsocket(handle), for: events, until: deadline) else {
                let facts = place(of: handle).merging(["timeout": "connect", "limit_ms": "\(timeout.wholeMilliseconds)"]) { $1 }
                PQfinish(handle)
                throw PostgresStoreError(.timeout, context: facts, details: "the server did not take the connection in time")
            }
            polling = PQconnectPoll(handle)
        }
        PQsetErrorVerbosity(handle, PQERRORS_DEFAULT)
        return handle
    }

    /// `host`, `port` and `database` of a connection (the socket directory is the host of a
    /// Unix socket); never the user or a password.
    static func place(of handle: OpaquePointer) -> [String: String] {
        var place: [String: String] = [:]
        for (key, value) in [("host", PQhost(handle)), ("port", PQport(handle)), ("database", PQdb(handle))] {
            if let value, value.pointee != 0 { place[key] = String(cString: value) }
        }
        return place
    }
}
