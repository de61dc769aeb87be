public import CreditMedicalCore
public import CreditMedicalHIS

/// An ``InMemoryEncounterStore`` whose commits pass through `intercept` first, to act out a store
/// that fails a write (throw) or loses part of it (return fewer changes). Reads are the memory
/// store's.
public final class InterceptedEncounterStore: EncounterStore {
    private let base = InMemoryEncounterStore()
    private let intercept: @Sendable ([EncounterChange]) throws -> [EncounterChange]

    /// A store whose commits write what `intercept` returns, or fail with what it throws.
    public init(intercept: @escaping @Sendable ([EncounterChange]) throws -> [EncounterChange]) {
        self.intercept = intercept
    }

    public func commit(_ changes: [EncounterChange]) throws { try base.commit(intercept(changes)) }
    public func encounter(_ id: EncounterID) throws -> Encounter? { try base.encounter(id) }
    public func encounters(after: EncounterID?, limit: Int) throws -> [Encounter] { try base.encounters(after: after, limit: limit) }
    public func charges(of id: EncounterID) throws -> (items: [ChargeItem], refunds: [ChargeRefund]) { try base.charges(of: id) }
    public func settlement(of id: EncounterID) throws -> SettlementRecord? { try base.settlement(of: id) }
    public func settlements(of id: EncounterID) throws -> [SettlementRecord] { try base.settlements(of: id) }
    public func settlements(in steps: Set<SettlementRecord.Step>, limit: Int) throws -> [SettlementRecord] {
        try base.settlements(in: steps, limit: limit)
    }
    public func settlementsAwaitingAdvance(limit: Int) throws -> [SettlementRecord] { try base.settlementsAwaitingAdvance(limit: limit) }
    public func pendingNotifications(failedAtLeast attempts: Int, limit: Int) throws -> [PatientNotification] {
        try base.pendingNotifications(failedAtLeast: attempts, limit: limit)
    }
}
