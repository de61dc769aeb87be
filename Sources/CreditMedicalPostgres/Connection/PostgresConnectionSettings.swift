import CreditMedicalCore
import CLibPQ
import Foundation

/// What a connection of this module is opened with: the caller's URL and options, and the
/// startup options the module adds.
///
/// Startup options (libpq's `options`, the server sees them as set by the client) beat
/// `ALTER DATABASE … SET` and `ALTER ROLE … SET` and the server's configuration. So every
/// connection is durable from its first statement: `synchronous_commit=on` comes last, after
/// whatever the URL's `options` (or else `PGOPTIONS`) say, and nothing can turn it off; a read-only connection adds
/// `default_transaction_read_only=on` after it. The timeouts come before the URL's options, so
/// the URL may change them.
struct PostgresConnectionSettings: Sendable {
    let url: String
    let options: PostgresOptions
    /// Whether every transaction is read-only, for a ``PostgresSnapshot``.
    var readOnly = false

    /// libpq's keywords and values: `dbname` holding the URL (expanded by libpq, so everything
    /// the URL says applies), then `options`, which replaces the URL's own with the merged text.
    /// And how long connecting may take.
    func parameters() throws(PostgresStoreError) -> (keywords: [String], values: [String], connectTimeout: Duration) {
        let given = try Self.parse(url)
        var startup = [
            "-c statement_timeout=\(options.statementTimeout.wholeMilliseconds)",
            "-c lock_timeout=\(options.lockTimeout.wholeMilliseconds)",
            // Notices ("already exists, skipping") are for people at a console, not for a store.
            "-c client_min_messages=warning",
        ]
        // libpq reads PGOPTIONS only when no options are given, and these always are.
        if let urlOptions = given["options"] ?? ProcessInfo.processInfo.environment["PGOPTIONS"], !urlOptions.isEmpty {
            startup.append(urlOptions)
        }
        startup.append("-c synchronous_commit=on")
        if readOnly { startup.append("-c default_transaction_read_only=on") }
        var connectTimeout = options.connectTimeout > .zero ? options.connectTimeout : PostgresOptions().connectTimeout
        // libpq reads connect_timeout as whole seconds, and 1 as 2.
        if let seconds = given["connect_timeout"].flatMap({ Int64($0) }), seconds > 0 { connectTimeout = .seconds(max(seconds, 2)) }
        return (["dbname", "options"], [url, startup.joined(separator: " ")], connectTimeout)
    }

    /// The parameters `url` sets, as libpq reads them (a URL or `key=value` pairs). libpq's
    /// complaint about a URL it cannot read quotes the offending part, which may be a password:
    /// the quoted parts are left out.
    private static func parse(_ url: String) throws(PostgresStoreError) -> [String: String] {
        var message: UnsafeMutablePointer<CChar>?
        guard let parsed = PQconninfoParse(url, &message) else {
            let complaint = message.map { String(cString: $0) } ?? "libpq could not read the URL"
            PQfreemem(message)
            let unquoted = complaint.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
                .map { $0.offset.isMultiple(of: 2) ? String($0.element) : "…" }.joined(separator: "\"")
            throw PostgresStoreError(.invalidURL, details: unquoted.trimmingCharacters(in: .newlines))
        }
        defer { PQconninfoFree(parsed) }
        var values: [String: String] = [:]
        var option = parsed
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val { values[String(cString: keyword)] = String(cString: value) }
            option += 1
        }
        return values
    }
}
