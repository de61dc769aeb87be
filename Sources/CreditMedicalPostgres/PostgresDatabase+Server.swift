import CreditMedicalCore
import CLibPQ
import Foundation

/// Creating and dropping databases on a server, for tools and tests that need a scratch
/// database next to the one a URL names (the role needs `CREATEDB`), and printing a URL safely.
extension PostgresDatabase {
    /// Creates an empty database named `name` on the server of `url` and returns its URL.
    public static func create(_ name: String, on url: String, options: PostgresOptions = PostgresOptions()) throws -> String {
        try PostgresConnection(url: url, options: options).execute("CREATE DATABASE \(quoted(name))")
        return try replacingDatabase(of: url, with: name)
    }

    /// Drops the database named `name` on the server of `url`, if it exists.
    public static func drop(_ name: String, on url: String, options: PostgresOptions = PostgresOptions()) throws {
        try PostgresConnection(url: url, options: options).execute("DROP DATABASE IF EXISTS \(quoted(name)) WITH (FORCE)")
    }

    /// Whether `text` is a PostgreSQL connection URL rather than a file path.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// `url` without its password, for printing and logging: the password of
    /// `postgres://user:password@host/db` and a `password=` query parameter are removed; libpq's
    /// `key=value` form loses its `password=` pair. Text that is neither is not shown at all.
    public static func redacted(_ url: String) -> String {
        if isURL(url) {
            guard var components = URLComponents(string: url) else { return "(a PostgreSQL URL that cannot be read)" }
            components.password = nil
            if let items = components.percentEncodedQueryItems {
                let kept = items.filter { $0.name != "password" }
                components.percentEncodedQueryItems = kept.isEmpty ? nil : kept
            }
            return components.string ?? "(a PostgreSQL URL that cannot be read)"
        }
        var message: UnsafeMutablePointer<CChar>?
        guard let parsed = PQconninfoParse(url, &message) else {
            PQfreemem(message)
            return "(a connection string that cannot be read)"
        }
        defer { PQconninfoFree(parsed) }
        var pairs: [String] = []
        var option = parsed
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val, String(cString: keyword) != "password" {
                let escaped = String(cString: value).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
                pairs.append("\(String(cString: keyword))='\(escaped)'")
            }
            option += 1
        }
        return pairs.joined(separator: " ")
    }

    /// `url` with its database name replaced by `name`.
    static func replacingDatabase(of url: String, with name: String) throws -> String {
        guard var components = URLComponents(string: url) else {
            throw PostgresStoreError(.invalidURL, details: "Foundation cannot read the URL")
        }
        components.path = "/\(name)"
        guard let changed = components.string else { throw PostgresStoreError(.invalidURL, details: "Foundation cannot build the URL") }
        return changed
    }

    private static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
