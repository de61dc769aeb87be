import Foundation
import Synchronization

/// A few read-only connections to the database, so that queries run beside a write transaction
/// instead of waiting for it: in WAL mode a reader sees the last commit while a writer works.
/// Each query is its own read transaction, so it sees every batch committed before it began.
final class SQLiteReaders {
    private let connections: [(connection: SQLiteConnection, lock: NSLock)]
    private let next = Atomic<Int>(0)

    /// Opens `count` read-only connections to the existing database at `path`.
    init(path: String, count: Int, busyTimeoutMilliseconds: Int) throws {
        connections = try (0..<max(count, 1)).map { _ in
            let connection = try SQLiteConnection(path: path, readOnly: true)
            try connection.execute("PRAGMA busy_timeout = \(busyTimeoutMilliseconds)")
            return (connection, NSLock())
        }
    }

    /// Runs `body` on a free connection, or waits for one.
    func withConnection<Result>(_ body: (SQLiteConnection) throws -> Result) throws -> Result {
        for reader in connections where reader.lock.try() {
            defer { reader.lock.unlock() }
            return try body(reader.connection)
        }
        let reader = connections[next.wrappingAdd(1, ordering: .relaxed).oldValue % connections.count]
        return try reader.lock.withLock { try body(reader.connection) }
    }
}

// Each connection is used only while its lock is held.
extension SQLiteReaders: @unchecked Sendable {}
