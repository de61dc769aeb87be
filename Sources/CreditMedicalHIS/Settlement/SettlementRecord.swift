public import CreditMedicalCore

/// The durable record of one settlement (结算) of an encounter: how far the checkout got and
/// what each party answered. The ``CreditDesk`` writes it when the checkout begins and when it
/// is done (and when the bank cannot be reached after the money moved), so a checkout
/// interrupted anywhere resumes from it (``CreditDesk/resumeCheckouts(limit:)``).
public struct SettlementRecord: Sendable, Hashable, Codable {
    /// How far a settlement got. Raw values are stable and used by stores.
    public enum Step: String, Sendable, Hashable, Codable, CaseIterable {
        /// The bill is frozen; the insurers and the ledger are being asked.
        case started
        /// Both insurers settled, the self-pay part was captured from the hold and the rest
        /// released; the encounter is closed. The bank and the patient are told next.
        case captured
        /// The bank was asked for the advance and the patient was sent the fee notice.
        case completed
        /// A reversal has begun.
        case reversing
        /// Reversed: insurers' parts and the capture undone.
        case reversed
        /// An operator cancelled the checkout before it completed; what the parties and the
        /// ledger did is being undone.
        case cancelling
        /// Cancelled: what was done undone, the hold released; the encounter is open again in its
        /// next round.
        case cancelled

        /// Whether the desk has nothing more to do for the settlement.
        public var isFinal: Bool { self == .completed || self == .reversed || self == .cancelled }

        /// Whether the settlement is being undone (a reversal or a cancellation).
        public var isUndoing: Bool { self == .reversing || self == .cancelling }
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
    /// Why the checkout is parked waiting for an operator; `nil` while it runs or once it is done.
    public internal(set) var attention: SettlementAttention?

    /// A record as a store loads it.
    public init(
        encounter: EncounterID, round: Int, startedAt: Timestamp, total: Money, step: Step = .started,
        medical: MedicalInsuranceSettlement? = nil, commercial: CommercialInsurancePayment? = nil, split: SettlementSplit? = nil,
        capturedAt: Timestamp? = nil, advanceDueBy: Timestamp? = nil, advancePaidAt: Timestamp? = nil,
        refundOwed: Money = .zero, updatedAt: Timestamp, attention: SettlementAttention? = nil
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
        self.attention = attention
    }

    /// Whether the bank owes the advance at `time` and is late with it.
    public func advanceIsOverdue(at time: Timestamp) -> Bool {
        guard advancePaidAt == nil, let advanceDueBy else { return false }
        return time > advanceDueBy
    }
}
