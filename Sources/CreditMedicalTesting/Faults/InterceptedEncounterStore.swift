public import CreditMedicalHIS

/// An ``InMemoryEncounterStore`` whose commits pass through `intercept` first, to act out a store
/// that fails a write (throw) or loses part of it (return fewer changes). Reads are the memory
/// store's.
public final class InterceptedEncounterStore: EncounterStore, ForwardingEncounterReader {
    private let base = InMemoryEncounterStore()
    private let intercept: @Sendable ([EncounterChange]) throws -> [EncounterChange]

    /// A store whose commits write what `intercept` returns, or fail with what it throws.
    public init(intercept: @escaping @Sendable ([EncounterChange]) throws -> [EncounterChange]) {
        self.intercept = intercept
    }

    public var answeringReader: any EncounterReader { base }
    public func commit(_ changes: [EncounterChange]) throws { try base.commit(intercept(changes)) }
}
