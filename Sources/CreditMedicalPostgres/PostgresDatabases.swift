import Foundation

/// Creating and dropping databases on a server, for tools and tests that need a scratch
/// database next to the one a URL names (the role needs `CREATEDB`).
public enum PostgresDatabases {
    /// Creates an empty database named `name` on the server of `url` and returns its URL.
    public static func create(_ name: String, on url: String) throws -> String {
        try PostgresConnection(url: url).execute("CREATE DATABASE \(quoted(name))")
        return try replacingDatabase(of: url, with: name)
    }

    /// Drops the database named `name` on the server of `url`, if it exists.
    public static func drop(_ name: String, on url: String) throws {
        try PostgresConnection(url: url).execute("DROP DATABASE IF EXISTS \(quoted(name)) WITH (FORCE)")
    }

    /// Whether `text` is a PostgreSQL connection URL rather than a file path.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// `url` with its database name replaced by `name`.
    static func replacingDatabase(of url: String, with name: String) throws -> String {
        guard var components = URLComponents(string: url) else {
            throw PostgresStoreError(.invalidURL, message: "cannot read the URL")
        }
        components.path = "/\(name)"
        guard let changed = components.string else { throw PostgresStoreError(.invalidURL, message: "cannot build a URL") }
        return changed
    }

    private static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
