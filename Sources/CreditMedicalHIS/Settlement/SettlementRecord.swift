public import CreditMedicalCore

/// The durable record of one settlement (结算) of an encounter: how far the checkout got and
/// what each party answered. The ``CreditDesk`` writes it after every step, so a checkout
/// interrupted anywhere resumes from it (``CreditDesk/resumeCheckouts()``).
public struct SettlementRecord: Sendable, Hashable, Codable {
    /// How far a settlement got. Raw values are stable and used by stores.
    public enum Step: String, Sendable, Hashable, Codable, CaseIterable {
        /// The bill is frozen; nobody has been asked yet.
        case started
        /// Medical insurance settled (or the patient has none).
        case medicalSettled = "medical_settled"
        /// Commercial insurance paid its share (or there is none).
        case commercialSettled = "commercial_settled"
        /// The self-pay part was captured from the hold and the rest released; the encounter is closed.
        case captured
        /// The bank was told of the capture and asked to advance it to the hospital.
        case advanceRequested = "advance_requested"
        /// The patient was notified; nothing left to do.
        case completed
        /// Cancelled before the capture; the insurers' parts were reversed.
        case cancelled
        /// A reversal has begun.
        case reversing
        /// Reversed: insurers' parts and the capture undone.
        case reversed

        /// Whether the desk has nothing more to do for the settlement.
        public var isFinal: Bool { self == .completed || self == .cancelled || self == .reversed }
    }

    public let encounter: EncounterID
    /// Numbers the settlements of one encounter (a reversed encounter may be settled again).
    public let round: Int
    public let startedAt: Timestamp
    /// The bill total the settlement covers.
    public let total: Money
    public internal(set) var step: Step
    public internal(set) var medical: MedicalInsuranceSettlement?
    public internal(set) var commercial: CommercialInsurancePayment?
    /// Who pays what, once the capture is decided.
    public internal(set) var split: SettlementSplit?
    public internal(set) var capturedAt: Timestamp?
    /// When the bank must have advanced the credit part to the hospital.
    public internal(set) var advanceDueBy: Timestamp?
    /// When the bank paid the advance.
    public internal(set) var advancePaidAt: Timestamp?
    /// After a reversal: the part of the credit the patient had already repaid, owed back to them.
    public internal(set) var refundOwed: Money
    public internal(set) var updatedAt: Timestamp

    /// A record as a store loads it.
    public init(
        encounter: EncounterID, round: Int, startedAt: Timestamp, total: Money, step: Step = .started,
        medical: MedicalInsuranceSettlement? = nil, commercial: CommercialInsurancePayment? = nil, split: SettlementSplit? = nil,
        capturedAt: Timestamp? = nil, advanceDueBy: Timestamp? = nil, advancePaidAt: Timestamp? = nil,
        refundOwed: Money = .zero, updatedAt: Timestamp
    ) {
        self.encounter = encounter
        self.round = round
        self.startedAt = startedAt
        self.total = total
        self.step = step
        self.medical = medical
        self.commercial = commercial
        self.split = split
        self.capturedAt = capturedAt
        self.advanceDueBy = advanceDueBy
        self.advancePaidAt = advancePaidAt
        self.refundOwed = refundOwed
        self.updatedAt = updatedAt
    }

    /// Whether the bank owes the advance at `time` and is late with it.
    public func advanceIsOverdue(at time: Timestamp) -> Bool {
        guard advancePaidAt == nil, let advanceDueBy else { return false }
        return time > advanceDueBy
    }
}
