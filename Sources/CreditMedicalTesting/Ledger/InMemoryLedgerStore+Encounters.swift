public import CreditMedicalHIS

/// The store keeps a desk's encounters too, as the SQLite and PostgreSQL stores do, so that the
/// checkout recovery suite and desk tests run on one in-memory store.
extension InMemoryLedgerStore: EncounterStore, ForwardingEncounterReader {
    public var answeringReader: any EncounterReader { encounters }
    public func commit(_ changes: [EncounterChange]) throws { try encounters.commit(changes) }
    /// Nothing to do: every transaction and commit is complete when it returns.
    public func flush() throws {}
}
