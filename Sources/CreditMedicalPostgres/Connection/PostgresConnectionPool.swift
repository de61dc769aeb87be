import Foundation

/// A few connections to one database, opened when first needed, each with the same settings
/// (so each is durable from its first statement; see ``PostgresConnectionSettings``). A
/// connection that a failure closed (lost, or a missed deadline) is replaced on next use, so a
/// dropped connection costs one failed call, which the caller retries (idempotency keys make a
/// retried batch safe).
final class PostgresConnectionPool {
    /// One connection and the lock that lends it out.
    private final class Slot {
        let lock = NSLock()
        var connection: PostgresConnection?
    }

    let settings: PostgresConnectionSettings
    private let slots: [Slot]

    init(settings: PostgresConnectionSettings, size: Int) {
        self.settings = settings
        self.slots = (0..<max(size, 1)).map { _ in Slot() }
    }

    /// Runs `body` with a connection of its own: a free one, or the first to become free.
    func withConnection<Result>(_ body: (PostgresConnection) throws -> Result) throws -> Result {
        for slot in slots where slot.lock.try() {
            defer { slot.lock.unlock() }
            return try use(slot, body)
        }
        return try slots[0].lock.withLock { try use(slots[0], body) }
    }

    /// Runs `body` with every connection of the pool in turn, opening those not open yet.
    func withEachConnection<Result>(_ body: (PostgresConnection) throws -> Result) throws -> [Result] {
        try slots.map { slot in try slot.lock.withLock { try use(slot, body) } }
    }

    /// Calls `body` with the slot's connection (its lock held), opening it when needed.
    private func use<Result>(_ slot: Slot, _ body: (PostgresConnection) throws -> Result) throws -> Result {
        let connection: PostgresConnection
        if let open = slot.connection, open.isOpen {
            connection = open
        } else {
            slot.connection = nil
            connection = try PostgresConnection(settings)
            slot.connection = connection
        }
        do {
            return try body(connection)
        } catch {
            if !connection.isOpen { slot.connection = nil }
            throw error
        }
    }
}

// Each slot's connection is used only while the slot's lock is held.
extension PostgresConnectionPool: @unchecked Sendable {}
