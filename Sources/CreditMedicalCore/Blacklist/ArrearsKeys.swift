/// The ledger keys the arrears list's commands carry, derived from the entry's id: one place
/// names them.
enum ArrearsKeys {
    /// Freezes the line of entry `id` when it is listed.
    static func freeze(_ id: ArrearsEntryID) -> IdempotencyKey { IdempotencyKey("arrears/\(id.rawValue)/freeze") }
    /// Lifts the freeze of entry `id` when it is revoked or removed.
    static func unfreeze(_ id: ArrearsEntryID) -> IdempotencyKey { IdempotencyKey("arrears/\(id.rawValue)/unfreeze") }
}
