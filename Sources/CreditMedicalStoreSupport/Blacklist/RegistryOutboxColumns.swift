package import CreditMedicalCore

/// How both SQL stores keep a queued ``RegistryPush``: its id, and the push as JSON, read back.
package enum RegistryOutboxColumns {
    /// The JSON of `push`.
    package static func detail(_ push: RegistryPush) throws -> String { try StoredJSON.text(push) }

    /// The outbox item of a row of ``pending``; `nil` when the detail is not a push this SDK wrote,
    /// or not the push the id says.
    package static func item(_ row: some StoredRow) -> RegistryOutboxItem? {
        guard let id = row.text(0), let failedAttempts = row.integer(2).flatMap({ Int(exactly: $0) }),
              let push = row.text(1).flatMap({ try? StoredJSON.value(RegistryPush.self, from: $0) }), push.id.rawValue == id
        else { return nil }
        return RegistryOutboxItem(push: push, failedAttempts: failedAttempts, lastFailure: row.text(3))
    }

    /// The query of the pushes not delivered yet, in the order queued, at most as many as its one
    /// parameter says.
    package static func pending(in dialect: SQLDialect) -> String {
        "SELECT id, push, failed_attempts, last_failure FROM registry_outbox WHERE delivered_at IS NULL ORDER BY seq LIMIT \(dialect.placeholder(1))"
    }
}
