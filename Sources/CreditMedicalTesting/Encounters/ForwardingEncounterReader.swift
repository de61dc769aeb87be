public import CreditMedicalCore
public import CreditMedicalHIS

/// A test store whose encounter queries another store answers, so that the store itself only
/// decides how it writes (``InterceptedEncounterStore``).
public protocol ForwardingEncounterReader: EncounterReader {
    /// The store that answers every query.
    var answeringReader: any EncounterReader { get }
}

extension ForwardingEncounterReader {
    public func encounter(_ id: EncounterID) throws -> Encounter? { try answeringReader.encounter(id) }
    public func encounters(after: EncounterID?, limit: Int) throws -> [Encounter] { try answeringReader.encounters(after: after, limit: limit) }
    public func charges(of id: EncounterID) throws -> (items: [ChargeItem], refunds: [ChargeRefund]) { try answeringReader.charges(of: id) }
    public func settlement(of id: EncounterID) throws -> SettlementRecord? { try answeringReader.settlement(of: id) }
    public func settlements(of id: EncounterID) throws -> [SettlementRecord] { try answeringReader.settlements(of: id) }
    public func settlements(in steps: Set<SettlementRecord.Step>, limit: Int) throws -> [SettlementRecord] {
        try answeringReader.settlements(in: steps, limit: limit)
    }
    public func settlementsAwaitingAdvance(limit: Int) throws -> [SettlementRecord] { try answeringReader.settlementsAwaitingAdvance(limit: limit) }
    public func pendingNotifications(failedAtLeast attempts: Int, limit: Int) throws -> [PatientNotification] {
        try answeringReader.pendingNotifications(failedAtLeast: attempts, limit: limit)
    }
}
