/// Tells the bank that a settled visit was reversed (结算撤销) after the bank was told of its
/// capture and asked to advance it: the patient owes `amount` less, and the advance to the
/// institution is netted by as much, out of the pending advance when the bank has not paid it,
/// or out of the institution's next advances (or returned) when it has.
public struct ReversalNotice: Sendable, Hashable, Codable {
    public let requestID: AdapterRequestID
    public let line: CreditLineID
    public let encounter: EncounterID
    /// What the reversal took back from the line; at most what the capture charged.
    public let amount: Money
    /// The advance request it nets.
    public let advanceRequestID: AdapterRequestID
    /// The institution the advance was paid to.
    public let institution: InstitutionID
    /// Whether the hospital had been paid the advance when the visit was reversed.
    public let advancePaid: Bool
    public let reversedAt: Timestamp

    public init(requestID: AdapterRequestID, line: CreditLineID, encounter: EncounterID, amount: Money, advanceRequestID: AdapterRequestID,
                institution: InstitutionID, advancePaid: Bool, reversedAt: Timestamp) {
        self.requestID = requestID
        self.line = line
        self.encounter = encounter
        self.amount = amount
        self.advanceRequestID = advanceRequestID
        self.institution = institution
        self.advancePaid = advancePaid
        self.reversedAt = reversedAt
    }
}
