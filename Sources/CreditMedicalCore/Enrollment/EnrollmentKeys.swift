/// The ledger keys an enrollment's commands carry, derived from its id: one place names them.
enum EnrollmentKeys {
    /// Opens the line of enrollment `id`.
    static func open(_ id: String) -> IdempotencyKey { IdempotencyKey("enrollment/\(id)/open") }
    /// Closes the line of enrollment `id` when it is cancelled.
    static func close(_ id: String) -> IdempotencyKey { IdempotencyKey("enrollment/\(id)/close") }
}
