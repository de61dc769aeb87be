/// The auditor could not read a consistent view: the store changed during every attempt.
public struct LedgerAuditError: Error, Sendable, Hashable, CustomStringConvertible {
    /// How many times the auditor read the store.
    public let attempts: Int

    public init(attempts: Int) { self.attempts = attempts }

    public var description: String {
        "audit.store_kept_changing: the ledger changed during each of \(attempts) reads; audit when it is quieter"
    }
}
