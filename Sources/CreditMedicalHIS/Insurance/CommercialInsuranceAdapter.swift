public import CreditMedicalCore

/// What the HIS asks commercial insurance (商保) to pay: the part medical insurance left.
public struct CommercialInsuranceClaim: Sendable, Hashable, Codable {
    public let requestID: AdapterRequestID
    public let insuredPerson: String
    public let encounter: EncounterID
    /// What is left after medical insurance and the personal account.
    public let remaining: Money

    public init(requestID: AdapterRequestID, insuredPerson: String, encounter: EncounterID, remaining: Money) {
        self.requestID = requestID
        self.insuredPerson = insuredPerson
        self.encounter = encounter
        self.remaining = remaining
    }
}

/// Commercial insurance's answer: what it pays, never more than the claim's remaining amount.
public struct CommercialInsurancePayment: Sendable, Hashable, Codable {
    /// The insurer's claim number, used to reverse it.
    public let claimID: String
    public let paid: Money

    public init(claimID: String, paid: Money) {
        self.claimID = claimID
        self.paid = paid
    }
}

/// The connection to a commercial insurer (商保), which pays after medical insurance.
///
/// Conforming types MUST apply ``claim(_:)`` once per request id and answer a repeated id with
/// the first answer; pay at most the claim's remaining amount; and make
/// ``reverse(claimID:requestID:)`` idempotent.
public protocol CommercialInsuranceAdapter: Sendable {
    /// Pays the insurer's share of what is left.
    func claim(_ claim: CommercialInsuranceClaim) async throws -> CommercialInsurancePayment
    /// Undoes a paid claim.
    func reverse(claimID: String, requestID: AdapterRequestID) async throws
}
