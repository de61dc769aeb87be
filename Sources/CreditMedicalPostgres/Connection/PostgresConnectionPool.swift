import Foundation

/// A few connections to one database, opened when first needed. A connection whose call failed
/// with ``PostgresStoreError/Code/connection`` is closed and replaced on next use, so a dropped
/// connection costs one failed call, which the caller retries (idempotency keys make a retried
/// batch safe).
final class PostgresConnectionPool {
    let url: String
    private var connections: [PostgresConnection?]
    private let locks: [NSLock]

    init(url: String, size: Int) {
        self.url = url
        self.connections = Array(repeating: nil, count: max(size, 1))
        self.locks = (0..<max(size, 1)).map { _ in NSLock() }
    }

    /// Runs `body` with a connection of its own: a free one, or the first to become free.
    func withConnection<Result>(_ body: (PostgresConnection) throws -> Result) throws -> Result {
        for index in locks.indices where locks[index].try() {
            defer { locks[index].unlock() }
            return try use(index, body)
        }
        return try locks[0].withLock { try use(0, body) }
    }

    /// Calls `body` with connection `index` (its lock held), opening it when needed.
    private func use<Result>(_ index: Int, _ body: (PostgresConnection) throws -> Result) throws -> Result {
        let connection: PostgresConnection
        if let open = connections[index], open.isOpen {
            connection = open
        } else {
            connection = try PostgresConnection(url: url)
            connections[index] = connection
        }
        do {
            return try body(connection)
        } catch let error as PostgresStoreError where error.code == .connection {
            connections[index] = nil
            throw error
        }
    }
}

// Each connection is used only while its lock is held.
extension PostgresConnectionPool: @unchecked Sendable {}
