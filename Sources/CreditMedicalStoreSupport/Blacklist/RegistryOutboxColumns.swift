package import CreditMedicalCore

/// How both SQL stores keep a queued ``RegistryPush``: its id, and the push as JSON, read back.
package enum RegistryOutboxColumns {
    /// The JSON of `push`.
    package static func detail(_ push: RegistryPush) throws -> String { try StoredJSON.text(push) }

    /// The outbox item of a stored row; `nil` when the detail is not a push this SDK wrote, or
    /// not the push the id says.
    package static func item(id: String, detail: String, failedAttempts: Int64, lastFailure: String?) -> RegistryOutboxItem? {
        guard let push = try? StoredJSON.value(RegistryPush.self, from: detail), push.id.rawValue == id else { return nil }
        return RegistryOutboxItem(push: push, failedAttempts: Int(failedAttempts), lastFailure: lastFailure)
    }

    /// The columns' order in the stores' `SELECT`s of pending pushes.
    package static let names = "id, push, failed_attempts, last_failure"
}
