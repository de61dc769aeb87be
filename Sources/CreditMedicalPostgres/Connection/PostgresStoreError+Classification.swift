import CreditMedicalCore

/// Which code a failure gets: by the server's SQLSTATE and by how far libpq got, never by the
/// words of a message (they are translated, and they quote values).
extension PostgresStoreError {
    /// A statement the server refused with `sqlState` on a connection that is still open.
    static func refusal(sqlState: String?, message: String, at place: [String: String]) -> PostgresStoreError {
        var facts = place
        facts["sqlstate"] = sqlState
        let code: Code
        switch sqlState ?? "" {
        case "57014":
            code = .timeout
            facts["timeout"] = "statement"
        case "55P03":
            code = .timeout
            facts["timeout"] = "lock"
        case "40001", "40P01":
            code = .serializationFailure
        case let state where state.hasPrefix("22"):
            code = .invalidInput
        default:
            code = .statement
        }
        return PostgresStoreError(code, context: facts, details: message)
    }

    /// A connection attempt that failed. `reachedServer`: whether libpq got past connecting (a
    /// socket to a server); before that, the server is unreachable whatever the message says.
    /// After it, the server's SQLSTATE (in libpq's verbose message) or its asking for a password
    /// decide.
    static func connectFailure(message: String, reachedServer: Bool, needsPassword: Bool,
                               at place: [String: String]) -> PostgresStoreError {
        var facts = place
        let sqlState = reachedServer ? serverSQLState(in: message) : nil
        facts["sqlstate"] = sqlState
        let code: Code
        switch sqlState ?? "" {
        case _ where needsPassword: code = .authenticationFailed
        case let state where state.hasPrefix("28"): code = .authenticationFailed
        case "3D000": code = .databaseNotFound
        default: code = .unreachable
        }
        return PostgresStoreError(code, context: facts, details: message)
    }

    /// The SQLSTATE in a server error that libpq formatted verbosely (`PQERRORS_VERBOSE`):
    /// severity, two spaces, the five-character code and a colon (`FATAL:  28P01: …`). The
    /// severity word may be translated; the code never is.
    static func serverSQLState(in message: String) -> String? {
        message.firstMatch(of: #/:  ([0-9A-Z]{5}): /#).map { String($0.output.1) }
    }
}
